package kr.salonmate.command.review;

import kr.salonmate.messages.common.RuleViolation;
import kr.salonmate.messages.review.ReviewId;

/** A rule of one review's reply was broken; {@link #reviewId()} says which review. */
public abstract class ReviewRuleViolation extends RuleViolation {

    private final ReviewId reviewId;

    protected ReviewRuleViolation(String code, ReviewId reviewId, String message) {
        super(code, message);
        this.reviewId = reviewId;
    }

    public ReviewId reviewId() {
        return reviewId;
    }
}
