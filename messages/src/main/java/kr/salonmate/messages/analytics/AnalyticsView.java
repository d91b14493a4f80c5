package kr.salonmate.messages.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A shop's review analytics over a date range. Every bucket of the range is present, empty ones included; a
 * review counts in the bucket of the day it was written (in the shop's time zone), with its current rating and
 * text. {@code sentiment} and {@code keywords} cover the whole range.
 */
public record AnalyticsView(List<Bucket> buckets, Sentiment sentiment, List<Keyword> keywords) {

    public AnalyticsView {
        buckets = List.copyOf(buckets);
        keywords = List.copyOf(keywords);
    }

    /**
     * @param start                 the first day of the bucket (a Monday for weeks, the 1st for months)
     * @param averageRating         null without reviews
     * @param ratingCounts          "1".."5" → number of reviews with that rating
     * @param replies               reviews with a reply, published by SalonMate or found at the source
     * @param replyRate             replies / reviews, 0 without reviews
     * @param medianResponseMinutes from the review to SalonMate's published reply; null without one
     * @param aiAcceptedUnchanged   replies approved exactly as the AI drafted them
     * @param aiEdited              replies approved after a person changed the AI draft
     */
    public record Bucket(LocalDate start, long reviews, Double averageRating, Map<String, Long> ratingCounts,
                         long replies, double replyRate, Double medianResponseMinutes, long aiAcceptedUnchanged,
                         long aiEdited) {
    }

    /** Numbers of reviews. */
    public record Sentiment(long positive, long neutral, long negative) {
    }

    /** {@code count}: the number of reviews that mention the term. */
    public record Keyword(String term, long count) {
    }
}
