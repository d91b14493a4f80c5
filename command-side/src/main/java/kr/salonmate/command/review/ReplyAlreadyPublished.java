package kr.salonmate.command.review;

import kr.salonmate.messages.review.ReviewId;

/** A published reply is final: it can no longer be drafted, edited, approved or rejected. */
public class ReplyAlreadyPublished extends ReviewRuleViolation {

    public static final String CODE = "REPLY_ALREADY_PUBLISHED";

    public ReplyAlreadyPublished(ReviewId reviewId) {
        super(CODE, reviewId, "The reply to review " + reviewId + " is already published");
    }
}
