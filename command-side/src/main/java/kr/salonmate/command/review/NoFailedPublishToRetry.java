package kr.salonmate.command.review;

import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewStatus;

/** Only a publication that failed can be retried. */
public class NoFailedPublishToRetry extends ReviewRuleViolation {

    public static final String CODE = "CONFLICT";

    public NoFailedPublishToRetry(ReviewId reviewId, ReviewStatus status) {
        super(CODE, reviewId, "The reply to review " + reviewId + " is " + status
                + ": only a failed publication can be retried");
    }
}
