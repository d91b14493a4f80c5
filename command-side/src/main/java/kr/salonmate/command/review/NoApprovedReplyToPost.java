package kr.salonmate.command.review;

import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewStatus;

/** Only an approved reply may be posted by hand: what is pasted must be exactly what a manager approved. */
public class NoApprovedReplyToPost extends ReviewRuleViolation {

    public static final String CODE = "CONFLICT";

    public NoApprovedReplyToPost(ReviewId reviewId, ReviewStatus status) {
        super(CODE, reviewId, "Review " + reviewId + " has no approved reply to post (it is " + status + ")");
    }
}
