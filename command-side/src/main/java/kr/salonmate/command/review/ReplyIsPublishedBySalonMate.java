package kr.salonmate.command.review;

import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;

/** A reply to a source with a reply API (Google) is published by SalonMate, never marked as pasted by hand. */
public class ReplyIsPublishedBySalonMate extends ReviewRuleViolation {

    public static final String CODE = "CONFLICT";

    public ReplyIsPublishedBySalonMate(ReviewId reviewId, ReviewSource source) {
        super(CODE, reviewId, "Replies to " + source + " review " + reviewId
                + " are published by SalonMate; only replies to Naver are posted by hand");
    }
}
