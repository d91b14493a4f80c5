package kr.salonmate.command.review;

import static kr.salonmate.command.Violations.invalid;
import static kr.salonmate.command.review.ReviewStory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import kr.salonmate.messages.review.ApproveReply;
import kr.salonmate.messages.review.EditReply;
import kr.salonmate.messages.review.RejectReply;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReviewStatus;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A manager approves exactly the text to publish, or rejects the reply. */
class ReplyApprovalTest {

    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = reviewFixture();
    }

    // --- approving ----------------------------------------------------------------------------------------

    @Test
    void approvingWithoutATextApprovesTheCurrentDraft() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new ApproveReply(REVIEW, null, MANAGER, null))
               .expectEvents(approved("감사합니다!"))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.APPROVED));
    }

    @Test
    void approvingTheDraftsOwnTextIsNoEdit() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new ApproveReply(REVIEW, "감사합니다!", MANAGER, null))
               .expectEvents(approved("감사합니다!"));
    }

    @Test
    void approvingATextDifferentFromTheDraftIsAnEditThenAnApproval() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new ApproveReply(REVIEW, "방문 감사합니다!", MANAGER, null))
               .expectEvents(edited("방문 감사합니다!", "감사합니다!", MANAGER), approved("방문 감사합니다!"));
    }

    @Test
    void aManagerCanApproveATextWrittenOnTheSpot() {
        fixture.given(received())
               .when(new ApproveReply(REVIEW, "감사합니다 고객님", MANAGER, null))
               .expectEvents(edited("감사합니다 고객님", null, MANAGER), approved("감사합니다 고객님"));
    }

    @Test
    void theApprovalNamesItselfAndWhereToPublish() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new ApproveReply(REVIEW, null, MANAGER, null))
               .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(event ->
                       event instanceof ReplyApproved approval
                               && approval.approvalId() != null
                               && approval.source() == SOURCE
                               && approval.externalId().equals(EXTERNAL_ID)
                               && approval.text().equals("감사합니다!")))));
    }

    @Test
    void approvingWhileADraftIsPendingApprovesTheCurrentDraft() {
        fixture.given(received(), drafted("감사합니다!"), draftRequested(SECOND_REQUEST))
               .when(new ApproveReply(REVIEW, null, MANAGER, null))
               .expectEvents(approved("감사합니다!"));
    }

    @Test
    void withNeitherDraftNorTextThereIsNothingToApprove() {
        fixture.given(received())
               .when(new ApproveReply(REVIEW, null, MANAGER, null))
               .expectException(NothingToApprove.class)
               .expectNoEvents();
    }

    @Test
    void whileTheFirstDraftIsStillBeingWrittenThereIsNothingToApprove() {
        fixture.given(received(), draftRequested(FIRST_REQUEST))
               .when(new ApproveReply(REVIEW, null, MANAGER, null))
               .expectException(NothingToApprove.class);
    }

    @Test
    void aReplyCannotBeApprovedTwice() {
        fixture.given(received(), drafted("감사합니다!"), approved("감사합니다!"))
               .when(new ApproveReply(REVIEW, "감사합니다!", MANAGER, null))
               .expectException(ReplyIsBeingPublished.class)
               .expectNoEvents();
    }

    @Test
    void aReplyThatIsAlreadyPublishedCannotBeApprovedAgain() {
        fixture.given(received(), drafted("감사합니다!"), approved("감사합니다!"), published("감사합니다!"))
               .when(new ApproveReply(REVIEW, "감사합니다!", MANAGER, null))
               .expectException(ReplyAlreadyPublished.class)
               .expectNoEvents();
    }

    @Test
    void aReviewRepliedElsewhereCannotGetAReplyApproved() {
        fixture.given(received(), drafted("감사합니다!"), foundAtSource("사장님 답글"))
               .when(new ApproveReply(REVIEW, null, MANAGER, null))
               .expectException(ReviewRepliedElsewhere.class)
               .expectNoEvents();
    }

    @Test
    void aReplyThatFailedToPublishCanBeApprovedAnewWithAnotherText() {
        fixture.given(received(), drafted("감사합니다!"), approved("감사합니다!"), publishFailed())
               .when(new ApproveReply(REVIEW, "감사합니다 :)", MANAGER, null))
               .expectEvents(edited("감사합니다 :)", "감사합니다!", MANAGER), approved(SECOND_APPROVAL, "감사합니다 :)"));
    }

    @Test
    void aBlankTextCannotBeApproved() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new ApproveReply(REVIEW, " ", MANAGER, null))
               .expectException(invalid("text"))
               .expectNoEvents();
    }

    @Test
    void aTextLongerThan4096CharactersCannotBeApproved() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new ApproveReply(REVIEW, "가".repeat(4_097), MANAGER, null))
               .expectException(invalid("text"))
               .expectNoEvents();
    }

    @Test
    void anApprovalBasedOnTheCurrentVersionIsAccepted() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new ApproveReply(REVIEW, null, MANAGER, 1L))
               .expectEvents(approved("감사합니다!"));
    }

    @Test
    void anApprovalBasedOnAStaleVersionIsRefused() {
        // the manager looked at version 1; a person edited the draft since (version 2)
        fixture.given(received(), drafted("감사합니다!"), edited("고친 답글", "감사합니다!"))
               .when(new ApproveReply(REVIEW, null, MANAGER, 1L))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }

    @Test
    void anApprovalBasedOnAStaleVersionIsRefusedAfterCommandsToo() {
        fixture.givenCommands(syncAsWritten(), new EditReply(REVIEW, "첫 답글", STAFF, 0L),
                              new EditReply(REVIEW, "둘째 답글", STAFF, 1L))
               .when(new ApproveReply(REVIEW, null, MANAGER, 1L))
               .expectException(ConflictingAggregateVersionException.class);
    }

    // --- rejecting ----------------------------------------------------------------------------------------

    @Test
    void aManagerRejectsTheReplyWithAReason() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new RejectReply(REVIEW, "톤이 너무 가벼워요", MANAGER))
               .expectEvents(rejected("톤이 너무 가벼워요"))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.REJECTED));
    }

    @Test
    void rejectingAnAlreadyRejectedReplyChangesNothing() {
        fixture.given(received(), drafted("감사합니다!"), rejected(null))
               .when(new RejectReply(REVIEW, "다시 거절", MANAGER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aRejectedReplyCanStillBeApproved() {
        fixture.given(received(), drafted("감사합니다!"), rejected(null))
               .when(new ApproveReply(REVIEW, null, MANAGER, null))
               .expectEvents(approved("감사합니다!"));
    }

    @Test
    void aPublishedReplyCannotBeRejected() {
        fixture.given(received(), drafted("감사합니다!"), approved("감사합니다!"), published("감사합니다!"))
               .when(new RejectReply(REVIEW, null, MANAGER))
               .expectException(ReplyAlreadyPublished.class)
               .expectNoEvents();
    }

    @Test
    void aReplyCannotBeRejectedWhileItIsBeingPublished() {
        fixture.given(received(), drafted("감사합니다!"), approved("감사합니다!"))
               .when(new RejectReply(REVIEW, null, MANAGER))
               .expectException(ReplyIsBeingPublished.class)
               .expectNoEvents();
    }

    @Test
    void aReviewRepliedElsewhereHasNoReplyOfOursToReject() {
        fixture.given(received(), foundAtSource("사장님 답글"))
               .when(new RejectReply(REVIEW, null, MANAGER))
               .expectException(ReviewRepliedElsewhere.class)
               .expectNoEvents();
    }

    @Test
    void aRejectionReasonLongerThan500CharactersIsInvalid() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new RejectReply(REVIEW, "가".repeat(501), MANAGER))
               .expectException(invalid("reason"))
               .expectNoEvents();
    }
}
