package kr.salonmate.command.review;

import kr.salonmate.messages.review.ReviewId;

/** Approving needs a text: the one given, or else the current draft. */
public class NothingToApprove extends ReviewRuleViolation {

    public static final String CODE = "CONFLICT";

    public NothingToApprove(ReviewId reviewId) {
        super(CODE, reviewId, "Review " + reviewId + " has no draft and no text was given: nothing to approve");
    }
}
