package kr.salonmate.integration.google;

import java.time.Instant;

/**
 * A review as Google Business Profile returns it. {@code comment} is exactly Google's text, including any
 * "(Translated by Google)" / "(Original)" sections; null when the reviewer left only stars.
 *
 * @param starRating 1..5, or 0 when Google says {@code STAR_RATING_UNSPECIFIED}
 * @param reply      the reply Google shows, or null
 */
public record GoogleReview(String name, String reviewId, String reviewerName, boolean anonymous, int starRating,
                           String comment, Instant createTime, Instant updateTime, GoogleReply reply) {
}
