package kr.salonmate.query.analytics;

/** How a review reads: see {@link ReviewText} for how it is decided. */
enum Sentiment { POSITIVE, NEUTRAL, NEGATIVE }
