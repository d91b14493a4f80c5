package kr.salonmate.command.review;

import static kr.salonmate.command.review.ReviewStory.*;
import static org.assertj.core.api.Assertions.assertThat;

import kr.salonmate.messages.review.MarkReplyPostedManually;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.ReplyPostedManually;
import kr.salonmate.messages.review.ReplyPublishFailed;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.ReviewStatus;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Naver has no reply API: an approved Naver reply is pasted there by a person, who then says so. */
class ManualPostingTest {

    static final String NAVER_ID = "naver-20261127-0001";
    static final ReviewId NAVER_REVIEW = ReviewId.derive(SHOP, ReviewSource.NAVER, NAVER_ID);
    static final String TEXT = "이서연 고객님, 감사합니다!";

    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = reviewFixture();
    }

    @Test
    void anApprovedNaverReplyPostedByHandIsPublishedWithThePersonWhoPostedIt() {
        fixture.given(naverReceived(), naverDrafted(TEXT), naverApproved(TEXT))
               .when(new MarkReplyPostedManually(NAVER_REVIEW, STAFF))
               .expectEvents(new ReplyPostedManually(NAVER_REVIEW, SHOP, FIRST_APPROVAL, ReviewSource.NAVER, NAVER_ID,
                       TEXT, STAFF, NOW))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.PUBLISHED));
    }

    @Test
    void sayingItWasPostedTwiceChangesNothing() {
        fixture.given(naverReceived(), naverApproved(TEXT), naverPosted())
               .when(new MarkReplyPostedManually(NAVER_REVIEW, MANAGER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aGoogleReplyCannotBeMarkedAsPostedByHand() {
        fixture.given(received(), drafted(TEXT), approved(TEXT))
               .when(new MarkReplyPostedManually(REVIEW, STAFF))
               .expectException(ReplyIsPublishedBySalonMate.class)
               .expectNoEvents();
    }

    @Test
    void aDraftThatWasNeverApprovedCannotBePosted() {
        fixture.given(naverReceived(), naverDrafted(TEXT))
               .when(new MarkReplyPostedManually(NAVER_REVIEW, STAFF))
               .expectException(NoApprovedReplyToPost.class)
               .expectNoEvents();
    }

    @Test
    void aReviewWithoutAnyReplyCannotBePosted() {
        fixture.given(naverReceived())
               .when(new MarkReplyPostedManually(NAVER_REVIEW, STAFF))
               .expectException(NoApprovedReplyToPost.class);
    }

    @Test
    void aNaverReplyWhosePublicationFailedBeforeManualPostingExistedCanStillBePosted() {
        fixture.given(naverReceived(), naverApproved(TEXT),
                      new ReplyPublishFailed(NAVER_REVIEW, SHOP, FIRST_APPROVAL, "SOURCE_HAS_NO_API", "no API", 1, NOW))
               .when(new MarkReplyPostedManually(NAVER_REVIEW, MANAGER))
               .expectEvents(new ReplyPostedManually(NAVER_REVIEW, SHOP, FIRST_APPROVAL, ReviewSource.NAVER, NAVER_ID,
                       TEXT, MANAGER, NOW));
    }

    @Test
    void anApprovedNaverReplyWaitsForAPersonAndCannotBeEditedMeanwhile() {
        fixture.given(naverReceived(), naverApproved(TEXT))
               .when(new kr.salonmate.messages.review.EditReply(NAVER_REVIEW, "다른 글", STAFF, null))
               .expectException(ReplyIsBeingPublished.class)
               .expectNoEvents();
    }

    @Test
    void whoPostedItMustBeKnown() {
        fixture.given(naverReceived(), naverApproved(TEXT))
               .when(new MarkReplyPostedManually(NAVER_REVIEW, null))
               .expectException(kr.salonmate.command.InvalidCommand.class)
               .expectNoEvents();
    }

    private static ReviewReceived naverReceived() {
        return new ReviewReceived(NAVER_REVIEW, SHOP, ReviewSource.NAVER, NAVER_ID, AUTHOR, RATING, COMMENT, LANGUAGE,
                WRITTEN, WRITTEN, NOW);
    }

    private static ReplyDrafted naverDrafted(String text) {
        return new ReplyDrafted(NAVER_REVIEW, SHOP, FIRST_REQUEST, text, MODEL, PROMPT_VERSION, TOKENS, RATING, NOW);
    }

    private static ReplyApproved naverApproved(String text) {
        return new ReplyApproved(NAVER_REVIEW, SHOP, FIRST_APPROVAL, ReviewSource.NAVER, NAVER_ID, text, MANAGER, NOW);
    }

    private static ReplyPostedManually naverPosted() {
        return new ReplyPostedManually(NAVER_REVIEW, SHOP, FIRST_APPROVAL, ReviewSource.NAVER, NAVER_ID, TEXT, STAFF,
                NOW);
    }
}
