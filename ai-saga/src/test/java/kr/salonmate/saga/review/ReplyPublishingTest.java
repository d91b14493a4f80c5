package kr.salonmate.saga.review;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import kr.salonmate.integration.google.GoogleApiException;
import kr.salonmate.integration.google.GoogleAuthRejected;
import kr.salonmate.integration.google.GoogleReply;
import kr.salonmate.integration.google.GoogleReview;
import kr.salonmate.integration.google.GoogleReviews;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.common.RuleViolation;
import kr.salonmate.messages.review.MarkReplyPublishFailed;
import kr.salonmate.messages.review.MarkReplyPublished;
import kr.salonmate.messages.review.RecordReplyAtSource;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyFoundAtSource;
import kr.salonmate.messages.review.ReplyPublishFailed;
import kr.salonmate.messages.review.ReplyPublishRetried;
import kr.salonmate.messages.review.ReplyPublished;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SourceReply;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplyPublishingTest {

    private static final ShopId SHOP = ShopId.of("5b0a7c43-8f3e-4c59-9d1b-2f6f1b0e7a11");
    private static final ReviewId REVIEW = ReviewId.derive(SHOP, ReviewSource.GOOGLE, "g-review-1");
    private static final UUID APPROVAL = UUID.fromString("0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5");
    private static final String TEXT = "김민지님, 소중한 리뷰 감사합니다!\n\n살롱 드 서울 드림";
    private static final ShopView.GoogleConnection GOOGLE =
            new ShopView.GoogleConnection("acc-1", "loc-1", "cred-1", Instant.parse("2026-11-01T00:00:00Z"));
    private static final Instant AT = Instant.parse("2026-11-27T03:15:00Z");

    private final GoogleReviews google = mock(GoogleReviews.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private SagaTestFixture<ReplyPublishing> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(new PublishProperties(6, Duration.ofSeconds(10)));
        shopIs(GOOGLE);
    }

    private SagaTestFixture<ReplyPublishing> fixture(PublishProperties settings) {
        SagaTestFixture<ReplyPublishing> f = new SagaTestFixture<>(ReplyPublishing.class);
        f.registerResource(google);
        f.registerResource(queries);
        f.registerResource(settings);
        return f;
    }

    private void shopIs(ShopView.GoogleConnection connection) {
        ShopView shop = new ShopView(SHOP, "살롱 드 서울", "Asia/Seoul", "ko", UUID.randomUUID(),
                ReplySettings.defaults(), connection, "FREE", null);
        doReturn(java.util.concurrent.CompletableFuture.completedFuture(shop)).when(queries)
                .query(any(FindShop.class), any(ResponseType.class));
    }

    private static ReplyApproved approved() {
        return new ReplyApproved(REVIEW, SHOP, APPROVAL, ReviewSource.GOOGLE, "g-review-1", TEXT,
                Actor.user(UUID.randomUUID(), "Owner"), AT);
    }

    private static GoogleReview onGoogle(GoogleReply reply) {
        return new GoogleReview("accounts/acc-1/locations/loc-1/reviews/g-review-1", "g-review-1", "김민지", false, 5,
                "최고예요", AT, AT, reply);
    }

    private static GoogleApiException unavailable() {
        return new GoogleApiException(503, "UNAVAILABLE", "Google answered 503 UNAVAILABLE to 'read review'",
                true, null, null);
    }

    private static GoogleApiException timedOut() {
        return new GoogleApiException(0, "TIMEOUT", "Google did not answer in time (publish reply)", true, null, null);
    }

    private static org.hamcrest.Matcher<java.util.List<org.axonframework.messaging.Message<?>>> onlyFailure(
            Predicate<MarkReplyPublishFailed> check) {
        return payloadsMatching(exactSequenceOf(
                matches(payload -> payload instanceof MarkReplyPublishFailed f && check.test(f)), andNoMore()));
    }

    @Test
    void anApprovedReplyIsPutOnGoogleAndMarkedPublished() {
        when(google.find(GOOGLE, "g-review-1")).thenReturn(Optional.of(onGoogle(null)));
        when(google.reply(GOOGLE, "g-review-1", TEXT)).thenReturn(new GoogleReply(TEXT, AT));

        fixture.givenNoPriorActivity()
                .whenPublishingA(approved())
                .expectDispatchedCommands(new MarkReplyPublished(REVIEW, APPROVAL))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        verify(google).reply(GOOGLE, "g-review-1", TEXT);
    }

    @Test
    void aReplyAlreadyShowingTheApprovedTextIsOursAndIsNotPutAgain() {
        // an earlier attempt's PUT landed, then the node died before recording it
        when(google.find(GOOGLE, "g-review-1"))
                .thenReturn(Optional.of(onGoogle(new GoogleReply(TEXT.replace("\n", "\r\n") + " ", AT))));

        fixture.givenNoPriorActivity()
                .whenPublishingA(approved())
                .expectDispatchedCommands(new MarkReplyPublished(REVIEW, APPROVAL))
                .expectActiveSagas(0);
        verify(google, never()).reply(any(), anyString(), anyString());
    }

    @Test
    void aReplyWrittenOutsideSalonMateIsRecordedAndNeverOverwritten() {
        GoogleReply theirs = new GoogleReply("감사합니다 - 원장", Instant.parse("2026-11-27T02:00:00Z"));
        when(google.find(GOOGLE, "g-review-1")).thenReturn(Optional.of(onGoogle(theirs)));

        fixture.givenNoPriorActivity()
                .whenPublishingA(approved())
                .expectDispatchedCommands(new RecordReplyAtSource(REVIEW, APPROVAL,
                        new SourceReply("감사합니다 - 원장", Instant.parse("2026-11-27T02:00:00Z"))))
                .expectActiveSagas(0);
        verify(google, never()).reply(any(), anyString(), anyString());
    }

    @Test
    void aTransientFailureSchedulesARetry() {
        when(google.find(GOOGLE, "g-review-1")).thenThrow(unavailable());

        fixture.givenNoPriorActivity()
                .whenPublishingA(approved())
                .expectNoDispatchedCommands()
                .expectActiveSagas(1)
                .expectAssociationWith("approvalId", APPROVAL.toString())
                .expectAssociationWith("reviewId", REVIEW.toString())
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), "publish-retry");
    }

    @Test
    void theRetryDeadlineTriesAgainAndTheBackoffDoubles() {
        when(google.find(GOOGLE, "g-review-1")).thenThrow(unavailable(), unavailable())
                .thenReturn(Optional.of(onGoogle(null)));

        fixture.givenAPublished(approved())
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectTriggeredDeadlinesWithName("publish-retry")
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(20), "publish-retry");
    }

    @Test
    void aRetryThatSucceedsPublishesAndEndsTheSaga() {
        when(google.find(GOOGLE, "g-review-1")).thenThrow(unavailable()).thenReturn(Optional.of(onGoogle(null)));

        fixture.givenAPublished(approved())
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectDispatchedCommands(new MarkReplyPublished(REVIEW, APPROVAL))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aPutWithUnknownOutcomeIsFollowedByAReadNotASecondPut() {
        when(google.find(GOOGLE, "g-review-1")).thenReturn(Optional.of(onGoogle(null)))
                .thenReturn(Optional.of(onGoogle(new GoogleReply(TEXT, AT))));
        when(google.reply(GOOGLE, "g-review-1", TEXT)).thenThrow(timedOut());

        fixture.givenAPublished(approved())
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectDispatchedCommands(new MarkReplyPublished(REVIEW, APPROVAL))
                .expectActiveSagas(0);
        verify(google, times(1)).reply(GOOGLE, "g-review-1", TEXT);
    }

    @Test
    void afterTheLastAttemptTheFailureIsRecorded() {
        fixture = fixture(new PublishProperties(2, Duration.ofSeconds(10)));
        when(google.find(GOOGLE, "g-review-1")).thenThrow(unavailable());

        fixture.givenAPublished(approved())
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectDispatchedCommandsMatching(onlyFailure(f -> f.reviewId().equals(REVIEW)
                        && f.approvalId().equals(APPROVAL) && f.code().equals("GOOGLE_UNAVAILABLE")
                        && f.attempts() == 2 && f.message().contains("after 2 attempts")
                        && f.message().contains("503")))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRejectedAuthorizationFailsAtOnce() {
        when(google.find(GOOGLE, "g-review-1")).thenThrow(new GoogleAuthRejected(400, "invalid_grant",
                "Google no longer accepts SalonMate's authorization for this location. Reconnect Google."));

        fixture.givenNoPriorActivity()
                .whenPublishingA(approved())
                .expectDispatchedCommandsMatching(onlyFailure(f -> f.code().equals("GOOGLE_AUTH_REJECTED")
                        && f.attempts() == 1 && f.message().contains("Reconnect Google")))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDeletedReviewFailsAtOnce() {
        when(google.find(GOOGLE, "g-review-1")).thenReturn(Optional.empty());

        fixture.givenNoPriorActivity()
                .whenPublishingA(approved())
                .expectDispatchedCommandsMatching(onlyFailure(f -> f.code().equals("REVIEW_NOT_FOUND_AT_SOURCE")
                        && f.message().contains("no longer exists on Google")))
                .expectActiveSagas(0);
    }

    @Test
    void aBadRequestFromGoogleFailsAtOnceWithGooglesReason() {
        when(google.find(GOOGLE, "g-review-1")).thenReturn(Optional.of(onGoogle(null)));
        when(google.reply(GOOGLE, "g-review-1", TEXT)).thenThrow(new GoogleApiException(400, "INVALID_ARGUMENT",
                "Google answered 400 INVALID_ARGUMENT to 'publish reply': Reply is too long", false, null, null));

        fixture.givenNoPriorActivity()
                .whenPublishingA(approved())
                .expectDispatchedCommandsMatching(onlyFailure(f -> f.code().equals("GOOGLE_REJECTED_REPLY")
                        && f.message().contains("Reply is too long")))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aShopNoLongerConnectedToGoogleFailsAtOnce() {
        shopIs(null);

        fixture.givenNoPriorActivity()
                .whenPublishingA(approved())
                .expectDispatchedCommandsMatching(onlyFailure(f -> f.code().equals("GOOGLE_NOT_CONNECTED")))
                .expectActiveSagas(0);
    }

    @Test
    void anApprovedNaverReplyIsNeverSentAnywhereAndWaitsForAPerson() {
        ReplyApproved naver = new ReplyApproved(REVIEW, SHOP, APPROVAL, ReviewSource.NAVER, "n-1", TEXT,
                Actor.system(), AT);

        fixture.givenNoPriorActivity()
                .whenPublishingA(naver)
                .expectNoDispatchedCommands()
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        verify(google, never()).find(any(), anyString());
        verify(google, never()).reply(any(), anyString(), anyString());
        verifyNoInteractions(queries);
    }

    @Test
    void aRetriedNaverReplyIsNeverSentAnywhereEither() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new ReplyPublishRetried(REVIEW, SHOP, APPROVAL, ReviewSource.NAVER, "n-1", TEXT,
                        Actor.user(UUID.randomUUID(), "Manager"), AT))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        verifyNoInteractions(google, queries);
    }

    @Test
    void aRetriedPublicationIsANewApprovalOfItsOwn() {
        UUID retry = UUID.randomUUID();
        when(google.find(GOOGLE, "g-review-1")).thenReturn(Optional.of(onGoogle(null)));

        fixture.givenNoPriorActivity()
                .whenPublishingA(new ReplyPublishRetried(REVIEW, SHOP, retry, ReviewSource.GOOGLE, "g-review-1", TEXT,
                        Actor.user(UUID.randomUUID(), "Manager"), AT))
                .expectDispatchedCommands(new MarkReplyPublished(REVIEW, retry))
                .expectActiveSagas(0);
    }

    @Test
    void aReplyFoundAtSourceWhileWaitingEndsTheSagaAndCancelsItsDeadline() {
        when(google.find(GOOGLE, "g-review-1")).thenThrow(unavailable());

        fixture.givenAPublished(approved())
                .whenPublishingA(new ReplyFoundAtSource(REVIEW, SHOP, "감사합니다", AT, AT))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void aPublishedReplyWhileWaitingEndsTheSagaAndCancelsItsDeadline() {
        when(google.find(GOOGLE, "g-review-1")).thenThrow(unavailable());

        fixture.givenAPublished(approved())
                .whenPublishingA(new ReplyPublished(REVIEW, SHOP, APPROVAL, ReviewSource.GOOGLE, "g-review-1", TEXT, AT))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aFinalFailureRecordedWhileWaitingEndsTheSagaAndCancelsItsDeadline() {
        when(google.find(GOOGLE, "g-review-1")).thenThrow(unavailable());

        fixture.givenAPublished(approved())
                .whenPublishingA(new ReplyPublishFailed(REVIEW, SHOP, APPROVAL, "X", "x", 1, AT))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anotherApprovalsEventsDoNotEndTheSaga() {
        when(google.find(GOOGLE, "g-review-1")).thenThrow(unavailable());

        fixture.givenAPublished(approved())
                .whenPublishingA(new ReplyPublished(REVIEW, SHOP, UUID.randomUUID(), ReviewSource.GOOGLE, "g-review-1",
                        TEXT, AT))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), "publish-retry");
    }

    @Test
    void anOutcomeTheAggregateRefusesEndsTheSaga() {
        when(google.find(GOOGLE, "g-review-1")).thenReturn(Optional.of(onGoogle(null)));
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new StaleApproval();
        });

        fixture.givenNoPriorActivity()
                .whenPublishingA(approved())
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anOutcomeThatCannotBeDeliveredIsRetriedByReadingGoogleAgain() {
        when(google.find(GOOGLE, "g-review-1")).thenReturn(Optional.of(onGoogle(null)));
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new IllegalStateException("event store unavailable");
        });

        fixture.givenNoPriorActivity()
                .whenPublishingA(approved())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), "publish-retry");
    }

    @Test
    void anUnreachableReadSideIsRetried() {
        doReturn(java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("no handler")))
                .when(queries).query(any(FindShop.class), any(ResponseType.class));

        fixture.givenNoPriorActivity()
                .whenPublishingA(approved())
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), "publish-retry");
        verify(google, never()).reply(any(), anyString(), eq(TEXT));
    }

    /** The aggregate's answer when an older approval reports back. */
    static final class StaleApproval extends RuleViolation {
        StaleApproval() {
            super("CONFLICT", "approval superseded");
        }
    }
}
