package kr.salonmate.command.review;

import static kr.salonmate.command.review.ReviewStory.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import kr.salonmate.command.InvalidCommand;
import kr.salonmate.messages.review.ReviewStatus;
import org.junit.jupiter.api.Test;

/** Each broken rule maps to the API error code the clients rely on. */
class ReviewRuleCodesTest {

    @Test
    void eachBrokenRuleCarriesItsApiErrorCode() {
        assertThat(new ReplyAlreadyPublished(REVIEW).code()).isEqualTo("REPLY_ALREADY_PUBLISHED");
        assertThat(new ReplyIsBeingPublished(REVIEW).code()).isEqualTo("CONFLICT");
        assertThat(new ReviewRepliedElsewhere(REVIEW).code()).isEqualTo("CONFLICT");
        assertThat(new NothingToApprove(REVIEW).code()).isEqualTo("CONFLICT");
        assertThat(new NoFailedPublishToRetry(REVIEW, ReviewStatus.DRAFTED).code()).isEqualTo("CONFLICT");
        assertThat(new ReplyIsPublishedBySalonMate(REVIEW, kr.salonmate.messages.review.ReviewSource.GOOGLE).code())
                .isEqualTo("CONFLICT");
        assertThat(new NoApprovedReplyToPost(REVIEW, ReviewStatus.DRAFTED).code()).isEqualTo("CONFLICT");
        assertThat(new InvalidCommand("text", "must not be blank").code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aBrokenRuleNamesTheReview() {
        ReplyAlreadyPublished violation = new ReplyAlreadyPublished(REVIEW);
        assertThat(violation.reviewId()).isEqualTo(REVIEW);
        assertThat(violation.getMessage()).contains(REVIEW.toString());
    }
}
