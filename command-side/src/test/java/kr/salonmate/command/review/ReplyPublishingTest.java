package kr.salonmate.command.review;

import static kr.salonmate.command.review.ReviewStory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import kr.salonmate.messages.review.MarkReplyPublishFailed;
import kr.salonmate.messages.review.MarkReplyPublished;
import kr.salonmate.messages.review.RecordReplyAtSource;
import kr.salonmate.messages.review.ReplyPublishRetried;
import kr.salonmate.messages.review.RetryReplyPublish;
import kr.salonmate.messages.review.ReviewStatus;
import kr.salonmate.messages.review.SourceReply;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The publishing saga reports back against an approval; only the current one counts. */
class ReplyPublishingTest {

    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = reviewFixture();
    }

    // --- published ----------------------------------------------------------------------------------------

    @Test
    void theApprovedTextIsPublishedWhenTheSourceAcceptsIt() {
        fixture.given(received(), drafted("감사합니다!"), approved("감사합니다!"))
               .when(new MarkReplyPublished(REVIEW, FIRST_APPROVAL))
               .expectEvents(published("감사합니다!"))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.PUBLISHED));
    }

    @Test
    void reportingThePublicationAgainChangesNothing() {
        fixture.given(received(), approved("감사합니다!"), published("감사합니다!"))
               .when(new MarkReplyPublished(REVIEW, FIRST_APPROVAL))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aPublicationReportForAStaleApprovalIsIgnored() {
        fixture.given(received(), approved(FIRST_APPROVAL, "감사합니다!"), publishFailed(FIRST_APPROVAL),
                      retried(SECOND_APPROVAL, "감사합니다!"))
               .when(new MarkReplyPublished(REVIEW, FIRST_APPROVAL))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.APPROVED));
    }

    @Test
    void aPublicationReportAfterTheReplyAppearedAtTheSourceIsIgnored() {
        fixture.given(received(), approved("감사합니다!"), foundAtSource("사장님 답글"))
               .when(new MarkReplyPublished(REVIEW, FIRST_APPROVAL))
               .expectNoEvents();
    }

    // --- failed -------------------------------------------------------------------------------------------

    @Test
    void aFailedPublicationIsRecorded() {
        fixture.given(received(), approved("감사합니다!"))
               .when(new MarkReplyPublishFailed(REVIEW, FIRST_APPROVAL, "UPSTREAM_UNAVAILABLE", "Google answered 503", 5))
               .expectEvents(publishFailed())
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.PUBLISH_FAILED));
    }

    @Test
    void aFailureReportForAStaleApprovalIsIgnored() {
        fixture.given(received(), approved(FIRST_APPROVAL, "감사합니다!"), publishFailed(FIRST_APPROVAL),
                      retried(SECOND_APPROVAL, "감사합니다!"))
               .when(new MarkReplyPublishFailed(REVIEW, FIRST_APPROVAL, "UPSTREAM_UNAVAILABLE", "late", 5))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aFailureReportAfterPublicationIsIgnored() {
        fixture.given(received(), approved("감사합니다!"), published("감사합니다!"))
               .when(new MarkReplyPublishFailed(REVIEW, FIRST_APPROVAL, "UPSTREAM_UNAVAILABLE", "late", 5))
               .expectNoEvents();
    }

    // --- retried ------------------------------------------------------------------------------------------

    @Test
    void aFailedPublicationIsRetriedAsANewApprovalOfTheSameText() {
        fixture.given(received(), approved("감사합니다!"), publishFailed())
               .when(new RetryReplyPublish(REVIEW, MANAGER))
               .expectEvents(retried(null, "감사합니다!"))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.APPROVED));
    }

    @Test
    void aRetryGetsAnApprovalIdOfItsOwn() {
        fixture.given(received(), approved(FIRST_APPROVAL, "감사합니다!"), publishFailed(FIRST_APPROVAL))
               .when(new RetryReplyPublish(REVIEW, MANAGER))
               .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(event ->
                       event instanceof ReplyPublishRetried retry
                               && retry.approvalId() != null
                               && !retry.approvalId().equals(FIRST_APPROVAL)))));
    }

    @Test
    void theRetriedApprovalCanBePublished() {
        fixture.given(received(), approved(FIRST_APPROVAL, "감사합니다!"), publishFailed(FIRST_APPROVAL),
                      retried(SECOND_APPROVAL, "감사합니다!"))
               .when(new MarkReplyPublished(REVIEW, SECOND_APPROVAL))
               .expectEvents(published(SECOND_APPROVAL, "감사합니다!"));
    }

    @Test
    void aReplyBeingPublishedCannotBeRetried() {
        fixture.given(received(), approved("감사합니다!"))
               .when(new RetryReplyPublish(REVIEW, MANAGER))
               .expectException(NoFailedPublishToRetry.class)
               .expectNoEvents();
    }

    @Test
    void aPublishedReplyCannotBeRetried() {
        fixture.given(received(), approved("감사합니다!"), published("감사합니다!"))
               .when(new RetryReplyPublish(REVIEW, MANAGER))
               .expectException(NoFailedPublishToRetry.class)
               .expectNoEvents();
    }

    @Test
    void aReplyNeverApprovedCannotBeRetried() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new RetryReplyPublish(REVIEW, MANAGER))
               .expectException(NoFailedPublishToRetry.class)
               .expectNoEvents();
    }

    @Test
    void aFailedReplyEditedSinceCannotBeRetriedButMustBeApprovedAgain() {
        fixture.given(received(), approved("감사합니다!"), publishFailed(), edited("고친 답글", "감사합니다!"))
               .when(new RetryReplyPublish(REVIEW, MANAGER))
               .expectException(NoFailedPublishToRetry.class);
    }

    // --- a reply found at the source while publishing ------------------------------------------------------

    @Test
    void aReplyFoundAtTheSourceWhilePublishingIsRecordedAndNeverOverwritten() {
        fixture.given(received(), approved("감사합니다!"))
               .when(new RecordReplyAtSource(REVIEW, FIRST_APPROVAL, new SourceReply("사장님 답글", CHANGED_AT_SOURCE)))
               .expectEvents(foundAtSource("사장님 답글"))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.REPLIED_ELSEWHERE));
    }

    @Test
    void aReplyAtTheSourceReportedForAStaleApprovalIsIgnored() {
        fixture.given(received(), approved(FIRST_APPROVAL, "감사합니다!"), publishFailed(FIRST_APPROVAL),
                      retried(SECOND_APPROVAL, "감사합니다!"))
               .when(new RecordReplyAtSource(REVIEW, FIRST_APPROVAL, new SourceReply("사장님 답글", CHANGED_AT_SOURCE)))
               .expectNoEvents();
    }

    @Test
    void aReplyAtTheSourceReportedAfterPublicationIsIgnored() {
        fixture.given(received(), approved("감사합니다!"), published("감사합니다!"))
               .when(new RecordReplyAtSource(REVIEW, FIRST_APPROVAL, new SourceReply("사장님 답글", CHANGED_AT_SOURCE)))
               .expectNoEvents();
    }
}
