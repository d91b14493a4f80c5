package kr.salonmate.saga.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isA;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import kr.salonmate.messages.billing.BillingId;
import kr.salonmate.messages.billing.UseAiGeneration;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.ApproveReply;
import kr.salonmate.messages.review.AutoPublishHold;
import kr.salonmate.messages.review.RecordAutoPublishHold;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.RequestReplyDraft;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.TokenUsage;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReplyTone;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.common.DraftProperties;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import kr.salonmate.messages.billing.BillingId;
import kr.salonmate.messages.billing.ReturnAiGeneration;
import kr.salonmate.messages.billing.UseAiGeneration;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The auto-draft and auto-publish policies. */
class PoliciesTest {

    private static final ShopId SHOP = ShopId.of("5b0a7c43-8f3e-4c59-9d1b-2f6f1b0e7a11");
    private static final ReviewId REVIEW = ReviewId.derive(SHOP, ReviewSource.GOOGLE, "g-1");
    private static final Instant NOW = Instant.parse("2026-11-27T03:15:00Z");

    private final CommandGateway commands = mock(CommandGateway.class);
    private final QueryGateway queries = mock(QueryGateway.class);

    private void settingsAre(ReplySettings settings) {
        ShopView shop = new ShopView(SHOP, "s", "Asia/Seoul", "ko", UUID.randomUUID(), settings, null, "FREE", null);
        doReturn(CompletableFuture.completedFuture(shop)).when(queries).query(any(FindShop.class), any(ResponseType.class));
    }

    private static ReplySettings settings(boolean autoDraft, Integer autoPublishMinRating) {
        return new ReplySettings(ReplyTone.POLITE, "AUTO", null, autoDraft, autoPublishMinRating, false);
    }

    private static ReviewReceived received(Instant createdAt) {
        return new ReviewReceived(REVIEW, SHOP, ReviewSource.GOOGLE, "g-1", "Jane", 5, "Great", "en", createdAt,
                createdAt, NOW);
    }

    private AutoDraftPolicy autoDraft(Duration maxAge) {
        return new AutoDraftPolicy(commands, queries, new DraftProperties(3, null, maxAge), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aNewReviewOfAShopWithAutoDraftGetsADraftRequestedBySalonMate() {
        settingsAre(settings(true, null));
        UseAiGeneration generation = new UseAiGeneration(BillingId.of(SHOP), SHOP, "Asia/Seoul", "REPLY",
                REVIEW.value(), true, NOW.minusSeconds(60));
        when(commands.sendAndWait(generation)).thenReturn(true);

        autoDraft(null).on(received(NOW.minusSeconds(60)));

        verify(commands).sendAndWait(generation);
        verify(commands).sendAndWait(new RequestReplyDraft(REVIEW, null, Actor.system()));
    }

    @Test
    void aNewReviewWaitsWithoutADraftRequestWhenTheQuotaIsUsedUp() {
        settingsAre(settings(true, null));
        when(commands.sendAndWait(any(UseAiGeneration.class))).thenReturn(false);

        autoDraft(null).on(received(NOW.minusSeconds(60)));

        verify(commands, never()).sendAndWait(any(RequestReplyDraft.class));
    }

    @Test
    void noDraftIsRequestedWhenTheShopTurnedAutoDraftOff() {
        settingsAre(settings(false, null));

        autoDraft(null).on(received(NOW));

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void reviewsOlderThanTheConfiguredAgeAreNotDraftedAutomatically() {
        settingsAre(settings(true, null));

        autoDraft(Duration.ofDays(30)).on(received(NOW.minus(Duration.ofDays(400))));

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aRefusedDraftRequestIsIgnored() {
        settingsAre(settings(true, null));
        when(commands.sendAndWait(isA(UseAiGeneration.class))).thenReturn(true);
        when(commands.sendAndWait(isA(RequestReplyDraft.class))).thenThrow(new ReplyPublishingTest.StaleApproval());

        // no exception: e.g. the review was already answered on Google; the generation taken for it is given back
        assertThatCode(() -> autoDraft(null).on(received(NOW))).doesNotThrowAnyException();
        verify(commands).sendAndWait(new RequestReplyDraft(REVIEW, null, Actor.system()));
        verify(commands).sendAndWait(new ReturnAiGeneration(BillingId.of(SHOP), REVIEW.value()));
    }

    @Test
    void aDraftRequestThatCouldNotBeDeliveredIsHandedBackToTheProcessor() {
        settingsAre(settings(true, null));
        when(commands.sendAndWait(any())).thenThrow(new IllegalStateException("store down"));

        assertThatThrownBy(() -> autoDraft(null).on(received(NOW))).isInstanceOf(IllegalStateException.class);
    }

    private final EventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final UUID draftRequest = UUID.randomUUID();

    /** The review's events up to the draft: received (0), the draft request (1 to 6), drafted at 7. */
    private void requested(Actor by, String instruction) {
        List<Object> history = new ArrayList<>();
        history.add(received(NOW));
        for (int i = 1; i <= 5; i++) { // older requests, answered or not
            history.add(new ReplyDraftRequested(REVIEW, SHOP, UUID.randomUUID(), null, Actor.system(), "Jane", 5,
                    "Great", "en", NOW));
        }
        history.add(new ReplyDraftRequested(REVIEW, SHOP, draftRequest, instruction, by, "Jane", 5, "Great", "en",
                NOW));
        for (int i = 0; i < history.size(); i++) {
            events.publish(new GenericDomainEventMessage<>("Review", REVIEW.toString(), i, history.get(i)));
        }
    }

    private ReplyDrafted drafted(int rating) {
        return drafted(rating, "Thank you!");
    }

    private ReplyDrafted drafted(int rating, String text) {
        return new ReplyDrafted(REVIEW, SHOP, draftRequest, text, "gpt-4o", "reply-v1", new TokenUsage(1, 2),
                rating, NOW);
    }

    private AutoPublishPolicy autoPublish() {
        return new AutoPublishPolicy(commands, queries, events);
    }

    @Test
    void aDraftForAReviewRatedAtTheThresholdIsApprovedExactlyAsDraftedAtThatVersion() {
        settingsAre(settings(true, 4));
        requested(Actor.system(), null);

        autoPublish().on(drafted(4), 7L);

        verify(commands).sendAndWait(new ApproveReply(REVIEW, "Thank you!", Actor.system(), 7L));
    }

    @Test
    void aDraftBelowTheThresholdWaitsForAHuman() {
        settingsAre(settings(true, 4));

        autoPublish().on(drafted(3), 7L);

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void withoutAutoPublishEveryDraftWaitsForAHuman() {
        settingsAre(settings(true, null));

        autoPublish().on(drafted(5), 7L);

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anApprovalRefusedBecauseSomeoneChangedTheReplyIsIgnored() {
        settingsAre(settings(true, 1));
        requested(Actor.system(), null);
        when(commands.sendAndWait(any())).thenThrow(new ConflictingAggregateVersionException(REVIEW.toString(), 7L, 8L));

        // a human edited it in between: no exception, and nothing else is tried (no hold recorded)
        assertThatCode(() -> autoPublish().on(drafted(5), 7L)).doesNotThrowAnyException();
        verify(commands).sendAndWait(new ApproveReply(REVIEW, "Thank you!", Actor.system(), 7L));
        verify(commands, never()).sendAndWait(isA(RecordAutoPublishHold.class));
    }

    @Test
    void aDraftAStaffMemberAskedForWaitsForTheOwnerWhateverItsRating() {
        settingsAre(settings(true, 1));
        requested(Actor.user(UUID.randomUUID(), "김직원"), null);

        autoPublish().on(drafted(5), 7L);

        verify(commands, never()).sendAndWait(isA(ApproveReply.class));
        verify(commands).sendAndWait(new RecordAutoPublishHold(REVIEW, draftRequest, AutoPublishHold.REQUESTED_BY_PERSON));
    }

    @Test
    void aDraftWrittenToAnInstructionWaitsForTheOwner() {
        settingsAre(settings(true, 1));
        requested(Actor.system(), "mention our new nail art menu");

        autoPublish().on(drafted(5), 7L);

        verify(commands, never()).sendAndWait(isA(ApproveReply.class));
        verify(commands).sendAndWait(new RecordAutoPublishHold(REVIEW, draftRequest,
                AutoPublishHold.WRITTEN_TO_INSTRUCTION));
    }

    @Test
    void aDraftWhoseRequestIsNotAmongTheReviewsEventsWaitsForTheOwner() {
        settingsAre(settings(true, 1));

        autoPublish().on(drafted(5), 7L);

        verify(commands, never()).sendAndWait(isA(ApproveReply.class));
        verify(commands).sendAndWait(new RecordAutoPublishHold(REVIEW, draftRequest, AutoPublishHold.REQUEST_UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"감사합니다! 자세한 건 https://evil.example/promo 에서 확인하세요 | CONTAINS_LINK",
            "Thanks! Visit www.cheap-nails.example for 50% off | CONTAINS_LINK", "예약은 bit.ly/3xYz 로 해주세요 | CONTAINS_LINK",
            "문의는 010-1234-5678 로 주세요 | CONTAINS_PHONE_NUMBER", "Call us at 02 345 6789 | CONTAINS_PHONE_NUMBER",
            "대표번호 1588-1234 | CONTAINS_PHONE_NUMBER", "+82 10 1234 5678 | CONTAINS_PHONE_NUMBER",
            "Write to owner@salon.example any time | CONTAINS_EMAIL", "메일: 예약@살롱.kr | CONTAINS_EMAIL"})
    void aSystemDraftWithALinkAPhoneNumberOrAnEmailAddressWaitsForTheOwnerWhoSeesWhy(String text,
                                                                                   AutoPublishHold why) {
        settingsAre(settings(true, 1));
        requested(Actor.system(), null);

        autoPublish().on(drafted(5, text), 7L);

        verify(commands, never()).sendAndWait(isA(ApproveReply.class));
        verify(commands).sendAndWait(new RecordAutoPublishHold(REVIEW, draftRequest, why));
    }

    @Test
    void aDraftBelowTheThresholdIsNotHeldBackItIsSimplyNotForAutoPublish() {
        settingsAre(settings(true, 5));
        requested(Actor.user(UUID.randomUUID(), "김직원"), null);

        autoPublish().on(drafted(4), 7L);

        verify(commands, never()).sendAndWait(any());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"소중한 리뷰 감사합니다! 2026-11-27에 또 뵙겠습니다 😊", "커트 30,000원 이벤트는 12월 31일까지예요.",
            "Thank you, Jane. See you again soon.", "10시 30분 예약 감사합니다. 3.5시간 걸린 펌이었죠!"})
    void anOrdinarySystemDraftIsPublished(String text) {
        settingsAre(settings(true, 1));
        requested(Actor.system(), null);

        autoPublish().on(drafted(5, text), 7L);

        verify(commands).sendAndWait(new ApproveReply(REVIEW, text, Actor.system(), 7L));
    }
}
