package kr.salonmate.command.review;

import kr.salonmate.messages.review.ReviewId;

/** The review was answered outside SalonMate; that reply is never overwritten. */
public class ReviewRepliedElsewhere extends ReviewRuleViolation {

    public static final String CODE = "CONFLICT";

    public ReviewRepliedElsewhere(ReviewId reviewId) {
        super(CODE, reviewId, "Review " + reviewId + " was already answered at its source");
    }
}
