package kr.salonmate.integration.google;

import java.util.List;

/** One page of {@code reviews.list}. {@code nextPageToken} is null on the last page. */
public record ReviewPage(List<GoogleReview> reviews, Double averageRating, Integer totalReviewCount,
                         String nextPageToken) {
}
