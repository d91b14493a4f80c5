package kr.salonmate.command.review;

import static kr.salonmate.command.Violations.invalid;
import static kr.salonmate.command.review.ReviewStory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import kr.salonmate.messages.review.DraftReply;
import kr.salonmate.messages.review.MarkReplyDraftFailed;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.RequestReplyDraft;
import kr.salonmate.messages.review.RetryReplyPublish;
import kr.salonmate.messages.review.ReviewStatus;
import kr.salonmate.messages.review.RejectReply;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AI drafts: requested, answered, superseded, failed. */
class ReplyDraftingTest {

    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = reviewFixture();
    }

    // --- requesting ---------------------------------------------------------------------------------------

    @Test
    void aDraftRequestCarriesTheReviewAsItIsNow() {
        fixture.given(received(), editedAtSource(2, "다시 생각해보니 별로였어요"))
               .when(new RequestReplyDraft(REVIEW, "더 짧게", STAFF))
               .expectEvents(new ReplyDraftRequested(REVIEW, SHOP, null, "더 짧게", STAFF, AUTHOR, 2,
                       "다시 생각해보니 별로였어요", LANGUAGE, NOW))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.DRAFTING));
    }

    @Test
    void everyDraftRequestGetsANewId() {
        fixture.given(received(), draftRequested(FIRST_REQUEST))
               .when(new RequestReplyDraft(REVIEW, null, STAFF))
               .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(event ->
                       event instanceof ReplyDraftRequested requested
                               && requested.draftRequestId() != null
                               && !requested.draftRequestId().equals(FIRST_REQUEST)))));
    }

    @Test
    void aNewDraftCanBeRequestedToReplaceTheCurrentOne() {
        fixture.given(received(), draftRequested(FIRST_REQUEST), drafted("감사합니다!"))
               .when(new RequestReplyDraft(REVIEW, "더 정중하게", STAFF))
               .expectEvents(draftRequested(null, "더 정중하게", STAFF));
    }

    @Test
    void anInstructionLongerThan500CharactersIsInvalid() {
        fixture.given(received())
               .when(new RequestReplyDraft(REVIEW, "가".repeat(501), STAFF))
               .expectException(invalid("instruction"))
               .expectNoEvents();
    }

    @Test
    void noDraftCanBeRequestedWhileTheApprovedReplyIsBeingPublished() {
        fixture.given(received(), drafted("감사합니다!"), approved("감사합니다!"))
               .when(new RequestReplyDraft(REVIEW, null, STAFF))
               .expectException(ReplyIsBeingPublished.class)
               .expectNoEvents();
    }

    @Test
    void noDraftCanBeRequestedOnceTheReplyIsPublished() {
        fixture.given(received(), drafted("감사합니다!"), approved("감사합니다!"), published("감사합니다!"))
               .when(new RequestReplyDraft(REVIEW, null, STAFF))
               .expectException(ReplyAlreadyPublished.class)
               .expectNoEvents();
    }

    @Test
    void noDraftCanBeRequestedForAReviewRepliedElsewhere() {
        fixture.given(received(), foundAtSource("사장님 답글"))
               .when(new RequestReplyDraft(REVIEW, null, STAFF))
               .expectException(ReviewRepliedElsewhere.class)
               .expectNoEvents();
    }

    // --- answering ----------------------------------------------------------------------------------------

    @Test
    void theDraftForThePendingRequestBecomesTheReply() {
        fixture.given(received(), draftRequested(FIRST_REQUEST))
               .when(new DraftReply(REVIEW, FIRST_REQUEST, "방문해 주셔서 감사합니다!", MODEL, PROMPT_VERSION, TOKENS))
               .expectEvents(drafted(FIRST_REQUEST, "방문해 주셔서 감사합니다!"))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.DRAFTED));
    }

    @Test
    void aDraftCarriesTheRatingItWasWrittenFor() {
        fixture.given(received(), editedAtSource(1, "최악"), draftRequested(FIRST_REQUEST))
               .when(new DraftReply(REVIEW, FIRST_REQUEST, "불편을 드려 죄송합니다.", MODEL, PROMPT_VERSION, TOKENS))
               .expectEvents(new ReplyDrafted(REVIEW, SHOP, FIRST_REQUEST, "불편을 드려 죄송합니다.", MODEL,
                       PROMPT_VERSION, TOKENS, 1, NOW));
    }

    @Test
    void aDraftForASupersededRequestIsIgnored() {
        fixture.given(received(), draftRequested(FIRST_REQUEST), draftRequested(SECOND_REQUEST))
               .when(new DraftReply(REVIEW, FIRST_REQUEST, "오래된 초안", MODEL, PROMPT_VERSION, TOKENS))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aSecondAnswerToTheSameRequestIsIgnored() {
        fixture.given(received(), draftRequested(FIRST_REQUEST), drafted(FIRST_REQUEST, "감사합니다!"))
               .when(new DraftReply(REVIEW, FIRST_REQUEST, "또 다른 초안", MODEL, PROMPT_VERSION, TOKENS))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aDraftArrivingAfterAPersonWroteTheReplyIsIgnored() {
        fixture.given(received(), draftRequested(FIRST_REQUEST), edited("직접 쓴 답글", null))
               .when(new DraftReply(REVIEW, FIRST_REQUEST, "AI 초안", MODEL, PROMPT_VERSION, TOKENS))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aDraftArrivingAfterTheReplyWasApprovedIsIgnored() {
        fixture.given(received(), drafted("감사합니다!"), draftRequested(SECOND_REQUEST), approved("감사합니다!"))
               .when(new DraftReply(REVIEW, SECOND_REQUEST, "늦은 초안", MODEL, PROMPT_VERSION, TOKENS))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aDraftArrivingAfterTheReplyWasRejectedIsIgnored() {
        fixture.given(received(), draftRequested(FIRST_REQUEST), rejected("답글 안 함"))
               .when(new DraftReply(REVIEW, FIRST_REQUEST, "늦은 초안", MODEL, PROMPT_VERSION, TOKENS))
               .expectNoEvents();
    }

    @Test
    void aBlankDraftIsInvalid() {
        fixture.given(received(), draftRequested(FIRST_REQUEST))
               .when(new DraftReply(REVIEW, FIRST_REQUEST, " \n ", MODEL, PROMPT_VERSION, TOKENS))
               .expectException(invalid("text"))
               .expectNoEvents();
    }

    @Test
    void aDraftLongerThanGoogleAcceptsIsInvalid() {
        fixture.given(received(), draftRequested(FIRST_REQUEST))
               .when(new DraftReply(REVIEW, FIRST_REQUEST, "가".repeat(4_097), MODEL, PROMPT_VERSION, TOKENS))
               .expectException(invalid("text"));
    }

    // --- failing ------------------------------------------------------------------------------------------

    @Test
    void aFailedDraftForThePendingRequestIsRecordedAndTheReviewIsNewAgain() {
        fixture.given(received(), draftRequested(FIRST_REQUEST))
               .when(new MarkReplyDraftFailed(REVIEW, FIRST_REQUEST, "model timed out", 3))
               .expectEvents(draftFailed(FIRST_REQUEST))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.NEW));
    }

    @Test
    void aFailedRedraftLeavesTheEarlierDraftInPlace() {
        fixture.given(received(), draftRequested(FIRST_REQUEST), drafted(FIRST_REQUEST, "감사합니다!"),
                      draftRequested(SECOND_REQUEST))
               .when(new MarkReplyDraftFailed(REVIEW, SECOND_REQUEST, "model timed out", 3))
               .expectEvents(draftFailed(SECOND_REQUEST))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.DRAFTED));
    }

    @Test
    void aFailedDraftAfterAFailedPublicationLeavesThePublicationRetryable() {
        fixture.given(received(), approved("감사합니다!"), publishFailed(), draftRequested(FIRST_REQUEST),
                      draftFailed(FIRST_REQUEST))
               .when(new RetryReplyPublish(REVIEW, MANAGER))
               .expectEvents(retried(null, "감사합니다!"));
    }

    @Test
    void aFailedDraftAfterARejectionLeavesTheReplyRejected() {
        fixture.given(received(), rejected(null), draftRequested(FIRST_REQUEST), draftFailed(FIRST_REQUEST))
               .when(new RejectReply(REVIEW, null, MANAGER))
               .expectNoEvents()
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.REJECTED));
    }

    @Test
    void aFailureForASupersededRequestIsIgnored() {
        fixture.given(received(), draftRequested(FIRST_REQUEST), draftRequested(SECOND_REQUEST))
               .when(new MarkReplyDraftFailed(REVIEW, FIRST_REQUEST, "model timed out", 3))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.DRAFTING));
    }

    @Test
    void aLateDraftForAFailedRequestIsIgnored() {
        fixture.given(received(), draftRequested(FIRST_REQUEST), draftFailed(FIRST_REQUEST))
               .when(new DraftReply(REVIEW, FIRST_REQUEST, "늦은 초안", MODEL, PROMPT_VERSION, TOKENS))
               .expectNoEvents();
    }
}
