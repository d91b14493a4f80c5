package kr.salonmate.command.review;

import kr.salonmate.messages.review.ReviewId;

/** While an approved reply is being published, its text is fixed: wait for it to be published or to fail. */
public class ReplyIsBeingPublished extends ReviewRuleViolation {

    public static final String CODE = "CONFLICT";

    public ReplyIsBeingPublished(ReviewId reviewId) {
        super(CODE, reviewId, "The reply to review " + reviewId + " is approved and being published");
    }
}
