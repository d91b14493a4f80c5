package kr.salonmate.query.review;

import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyDraftFailed;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.ReplyEdited;
import kr.salonmate.messages.review.ReplyFoundAtSource;
import kr.salonmate.messages.review.ReplyPublishFailed;
import kr.salonmate.messages.review.ReplyPublishRetried;
import kr.salonmate.messages.review.ReplyPostedManually;
import kr.salonmate.messages.review.ReplyPublished;
import kr.salonmate.messages.review.ReplyRejected;
import kr.salonmate.messages.review.ReviewEditedAtSource;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewStatus;

/**
 * A review's status after one of its events, as the Review aggregate decides it. The inbox and the dashboard
 * both follow these rules so that their counts and lists agree.
 */
public final class ReviewStatusRules {

    private ReviewStatusRules() {
    }

    /**
     * @param current      the status before the event (null before {@link ReviewReceived})
     * @param hasReplyText whether the review has a reply text (a draft) before the event
     */
    public static ReviewStatus after(Object event, ReviewStatus current, boolean hasReplyText) {
        if (event instanceof ReviewReceived) {
            return ReviewStatus.NEW;
        }
        if (event instanceof ReviewEditedAtSource) {
            return current;
        }
        if (event instanceof ReplyFoundAtSource) {
            return ReviewStatus.REPLIED_ELSEWHERE;
        }
        if (event instanceof ReplyDraftRequested) {
            return ReviewStatus.DRAFTING;
        }
        if (event instanceof ReplyDrafted || event instanceof ReplyEdited) {
            return ReviewStatus.DRAFTED;
        }
        if (event instanceof ReplyDraftFailed) {
            return hasReplyText ? ReviewStatus.DRAFTED : ReviewStatus.NEW;
        }
        if (event instanceof ReplyApproved || event instanceof ReplyPublishRetried) {
            return ReviewStatus.APPROVED;
        }
        if (event instanceof ReplyRejected) {
            return ReviewStatus.REJECTED;
        }
        if (event instanceof ReplyPublished || event instanceof ReplyPostedManually) {
            return ReviewStatus.PUBLISHED;
        }
        if (event instanceof ReplyPublishFailed) {
            return ReviewStatus.PUBLISH_FAILED;
        }
        throw new IllegalArgumentException("Not a review event: " + event.getClass().getName());
    }
}
