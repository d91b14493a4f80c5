package kr.salonmate.messages.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The answer to {@link FetchSyncedReviews}. */
public record SyncedReviews(List<Known> reviews) {

    /** What a sync compares with the source: the review's rating and text, and the reply as it stands. */
    public record Known(ReviewId reviewId, int rating, String comment, ReviewStatus status, String replyText) {
    }

    public Map<ReviewId, Known> byId() {
        Map<ReviewId, Known> byId = new HashMap<>(reviews.size() * 2);
        reviews.forEach(known -> byId.put(known.reviewId(), known));
        return byId;
    }
}
