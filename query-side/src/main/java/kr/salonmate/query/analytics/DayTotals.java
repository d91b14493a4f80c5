package kr.salonmate.query.analytics;

/**
 * The counters of one shop and day, as a vector that reviews add to and take back from. The order of the
 * counters is the order of {@link #COLUMNS}, which are analytics_day's columns.
 */
final class DayTotals {

    static final String[] COLUMNS = {"reviews", "rating_1", "rating_2", "rating_3", "rating_4", "rating_5",
            "rating_sum", "replies", "ai_unchanged", "ai_edited", "positive", "neutral", "negative"};
    static final int REVIEWS = 0;
    static final int RATING_SUM = 6;
    static final int REPLIES = 7;
    static final int AI_UNCHANGED = 8;
    static final int AI_EDITED = 9;
    static final int POSITIVE = 10;

    final long[] values = new long[COLUMNS.length];

    /** Adds ({@code sign} 1) or takes back ({@code sign} -1) one review's share. */
    void add(ReviewFacts review, int sign) {
        values[REVIEWS] += sign;
        if (review.rating() >= 1 && review.rating() <= 5) {
            values[review.rating()] += sign;
        }
        values[RATING_SUM] += (long) sign * review.rating();
        if (review.replied()) {
            values[REPLIES] += sign;
        }
        switch (review.aiOutcome()) {
            case UNCHANGED -> values[AI_UNCHANGED] += sign;
            case EDITED -> values[AI_EDITED] += sign;
            case NONE -> {
            }
        }
        values[POSITIVE + review.sentiment().ordinal()] += sign;
    }

    boolean isZero() {
        for (long value : values) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }
}
