package kr.salonmate.saga.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.DraftReply;
import kr.salonmate.messages.review.MarkReplyDraftFailed;
import kr.salonmate.messages.review.ReplyDraftFailed;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.TokenUsage;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReplyTone;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.ai.Draft;
import kr.salonmate.saga.ai.DraftFailed;
import kr.salonmate.saga.ai.DraftRequest;
import kr.salonmate.saga.ai.ReplyDrafter;
import kr.salonmate.saga.common.DraftProperties;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ReplyDraftingTest {

    private static final ShopId SHOP = ShopId.of("5b0a7c43-8f3e-4c59-9d1b-2f6f1b0e7a11");
    private static final ReviewId REVIEW = ReviewId.derive(SHOP, ReviewSource.GOOGLE, "g-review-1");
    private static final UUID REQUEST = UUID.fromString("7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b");
    private static final Instant AT = Instant.parse("2026-11-27T03:15:00Z");
    private static final ReplySettings SETTINGS =
            new ReplySettings(ReplyTone.FRIENDLY, "AUTO", "살롱 드 서울 드림", true, null, false);
    private static final Draft DRAFT =
            new Draft("김민지님, 감사해요!\n\n살롱 드 서울 드림", "gpt-4o-2024-08-06", "reply-v1", new TokenUsage(312, 58));

    private final ReplyDrafter drafter = mock(ReplyDrafter.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private SagaTestFixture<ReplyDrafting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ReplyDrafting.class);
        fixture.registerResource(drafter);
        fixture.registerResource(queries);
        fixture.registerResource(new DraftProperties(3, Duration.ofSeconds(20), null));
        ShopView shop = new ShopView(SHOP, "살롱 드 서울", "Asia/Seoul", "ko", UUID.randomUUID(), SETTINGS, null, "FREE", null);
        doReturn(CompletableFuture.completedFuture(shop)).when(queries).query(any(FindShop.class), any(ResponseType.class));
    }

    private static ReplyDraftRequested requested(String instruction) {
        return new ReplyDraftRequested(REVIEW, SHOP, REQUEST, instruction, Actor.system(), "김민지", 5,
                "너무 친절하고 좋았어요!", "ko", AT);
    }

    private static DraftReply drafted() {
        return new DraftReply(REVIEW, REQUEST, DRAFT.text(), DRAFT.model(), DRAFT.promptVersion(), DRAFT.tokenUsage());
    }

    @Test
    void aRequestedDraftIsWrittenWithTheShopsSettingsAndSent() {
        when(drafter.draft(any())).thenReturn(DRAFT);

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested("더 짧게"))
                .expectDispatchedCommands(drafted())
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        ArgumentCaptor<DraftRequest> asked = ArgumentCaptor.forClass(DraftRequest.class);
        verify(drafter).draft(asked.capture());
        assertThat(asked.getValue()).isEqualTo(new DraftRequest(REVIEW, "살롱 드 서울", SETTINGS, "김민지", 5,
                "너무 친절하고 좋았어요!", "ko", "더 짧게"));
    }

    @Test
    void aModelFailureSchedulesARetry() {
        when(drafter.draft(any())).thenThrow(new DraftFailed("model overloaded", null));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(null))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1)
                .expectAssociationWith("draftRequestId", REQUEST.toString())
                .expectAssociationWith("reviewId", REVIEW.toString())
                .expectScheduledDeadlineWithName(Duration.ofSeconds(20), "draft-retry");
    }

    @Test
    void theRetryDeadlineAsksTheModelAgain() {
        when(drafter.draft(any())).thenThrow(new DraftFailed("model overloaded", null)).thenReturn(DRAFT);

        fixture.givenAPublished(requested(null))
                .whenTimeElapses(Duration.ofSeconds(20))
                .expectTriggeredDeadlinesWithName("draft-retry")
                .expectDispatchedCommands(drafted())
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        verify(drafter, times(2)).draft(any());
    }

    @Test
    void afterTheLastAttemptTheDraftIsMarkedFailed() throws Exception {
        when(drafter.draft(any())).thenThrow(new DraftFailed("The AI model could not draft a reply", null));

        fixture.givenAPublished(requested(null))
                .andThenTimeElapses(Duration.ofSeconds(20))
                .whenTimeElapses(Duration.ofSeconds(40))
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(
                        matches(p -> p instanceof MarkReplyDraftFailed f && f.reviewId().equals(REVIEW)
                                && f.draftRequestId().equals(REQUEST) && f.attempts() == 3
                                && f.reason().contains("after 3 attempts")
                                && f.reason().contains("could not draft")), andNoMore())))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aShopTheReadSideDoesNotKnowYetIsRetried() {
        doReturn(CompletableFuture.completedFuture(null)).when(queries).query(any(FindShop.class), any(ResponseType.class));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(null))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(20), "draft-retry");
    }

    @Test
    void aDraftArrivingWhileWaitingEndsTheSagaAndCancelsItsDeadline() {
        when(drafter.draft(any())).thenThrow(new DraftFailed("model overloaded", null));

        fixture.givenAPublished(requested(null))
                .whenPublishingA(new ReplyDrafted(REVIEW, SHOP, REQUEST, "text", "m", "reply-v1", TokenUsage.none(), 5, AT))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void aFailureRecordedWhileWaitingEndsTheSagaAndCancelsItsDeadline() {
        when(drafter.draft(any())).thenThrow(new DraftFailed("model overloaded", null));

        fixture.givenAPublished(requested(null))
                .whenPublishingA(new ReplyDraftFailed(REVIEW, SHOP, REQUEST, "gave up", 1, AT))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anotherRequestsDraftDoesNotEndTheSaga() {
        when(drafter.draft(any())).thenThrow(new DraftFailed("model overloaded", null));

        fixture.givenAPublished(requested(null))
                .whenPublishingA(new ReplyDrafted(REVIEW, SHOP, UUID.randomUUID(), "t", "m", "reply-v1", TokenUsage.none(), 5, AT))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(20), "draft-retry");
    }

    @Test
    void aDraftTheAggregateRefusesEndsTheSaga() {
        when(drafter.draft(any())).thenReturn(DRAFT);
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new ReplyPublishingTest.StaleApproval();
        });

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
