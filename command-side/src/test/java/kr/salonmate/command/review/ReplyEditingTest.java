package kr.salonmate.command.review;

import static kr.salonmate.command.Violations.invalid;
import static kr.salonmate.command.review.ReviewStory.*;
import static org.assertj.core.api.Assertions.assertThat;

import kr.salonmate.messages.review.EditReply;
import kr.salonmate.messages.review.ReviewStatus;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People writing and changing the reply. */
class ReplyEditingTest {

    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = reviewFixture();
    }

    @Test
    void aPersonEditsTheDraftAndTheHistoryKeepsThePreviousText() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new EditReply(REVIEW, "방문해 주셔서 감사합니다 :)", STAFF, null))
               .expectEvents(edited("방문해 주셔서 감사합니다 :)", "감사합니다!"))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.DRAFTED));
    }

    @Test
    void aPersonCanWriteTheReplyWithoutADraft() {
        fixture.given(received())
               .when(new EditReply(REVIEW, "직접 쓴 답글", STAFF, null))
               .expectEvents(edited("직접 쓴 답글", null))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.DRAFTED));
    }

    @Test
    void savingTheSameTextAgainChangesNothing() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new EditReply(REVIEW, "감사합니다!", STAFF, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void editingWhileADraftIsPendingTakesOverFromTheDraft() {
        fixture.given(received(), drafted("감사합니다!"), draftRequested(SECOND_REQUEST))
               .when(new EditReply(REVIEW, "직접 고친 답글", STAFF, null))
               .expectEvents(edited("직접 고친 답글", "감사합니다!"))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.DRAFTED));
    }

    @Test
    void aRejectedReplyCanBeEditedBackIntoADraft() {
        fixture.given(received(), drafted("감사합니다!"), rejected("너무 짧아요"))
               .when(new EditReply(REVIEW, "더 길게 쓴 답글입니다.", STAFF, null))
               .expectEvents(edited("더 길게 쓴 답글입니다.", "감사합니다!"))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.DRAFTED));
    }

    @Test
    void aReplyThatFailedToPublishCanBeEdited() {
        fixture.given(received(), drafted("감사합니다!"), approved("감사합니다!"), publishFailed())
               .when(new EditReply(REVIEW, "감사합니다!!", STAFF, null))
               .expectEvents(edited("감사합니다!!", "감사합니다!"))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.DRAFTED));
    }

    @Test
    void aReplyCannotBeEditedWhileItIsBeingPublished() {
        fixture.given(received(), drafted("감사합니다!"), approved("감사합니다!"))
               .when(new EditReply(REVIEW, "바꿔주세요", STAFF, null))
               .expectException(ReplyIsBeingPublished.class)
               .expectNoEvents();
    }

    @Test
    void aPublishedReplyCannotBeEdited() {
        fixture.given(received(), drafted("감사합니다!"), approved("감사합니다!"), published("감사합니다!"))
               .when(new EditReply(REVIEW, "바꿔주세요", STAFF, null))
               .expectException(ReplyAlreadyPublished.class)
               .expectNoEvents();
    }

    @Test
    void aReviewRepliedElsewhereCannotGetAReplyEdited() {
        fixture.given(received(), foundAtSource("사장님 답글"))
               .when(new EditReply(REVIEW, "우리 답글", STAFF, null))
               .expectException(ReviewRepliedElsewhere.class)
               .expectNoEvents();
    }

    @Test
    void aBlankReplyIsInvalid() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new EditReply(REVIEW, "   ", STAFF, null))
               .expectException(invalid("text"))
               .expectNoEvents();
    }

    @Test
    void aReplyOfUpTo4096CharactersIsAccepted() {
        String longest = "😀".repeat(4_096); // characters, not UTF-16 units
        fixture.given(received())
               .when(new EditReply(REVIEW, longest, STAFF, null))
               .expectEvents(edited(longest, null));
    }

    @Test
    void aReplyLongerThan4096CharactersIsInvalid() {
        fixture.given(received())
               .when(new EditReply(REVIEW, "가".repeat(4_097), STAFF, null))
               .expectException(invalid("text"))
               .expectNoEvents();
    }

    @Test
    void anEditBasedOnTheCurrentVersionIsAccepted() {
        // received is version 0, drafted version 1
        fixture.given(received(), drafted("감사합니다!"))
               .when(new EditReply(REVIEW, "감사합니다 :)", STAFF, 1L))
               .expectEvents(edited("감사합니다 :)", "감사합니다!"));
    }

    @Test
    void anEditBasedOnAStaleVersionIsRefused() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new EditReply(REVIEW, "감사합니다 :)", STAFF, 0L))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }
}
