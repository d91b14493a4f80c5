package kr.salonmate.saga.review;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.ApproveReply;
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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

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

        autoDraft(null).on(received(NOW.minusSeconds(60)));

        verify(commands).sendAndWait(new RequestReplyDraft(REVIEW, null, Actor.system()));
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
        when(commands.sendAndWait(any())).thenThrow(new ReplyPublishingTest.StaleApproval());

        autoDraft(null).on(received(NOW)); // no exception: e.g. the review was already answered on Google
    }

    @Test
    void aDraftRequestThatCouldNotBeDeliveredIsHandedBackToTheProcessor() {
        settingsAre(settings(true, null));
        when(commands.sendAndWait(any())).thenThrow(new IllegalStateException("store down"));

        assertThatThrownBy(() -> autoDraft(null).on(received(NOW))).isInstanceOf(IllegalStateException.class);
    }

    private static ReplyDrafted drafted(int rating) {
        return new ReplyDrafted(REVIEW, SHOP, UUID.randomUUID(), "Thank you!", "gpt-4o", "reply-v1",
                new TokenUsage(1, 2), rating, NOW);
    }

    @Test
    void aDraftForAReviewRatedAtTheThresholdIsApprovedExactlyAsDraftedAtThatVersion() {
        settingsAre(settings(true, 4));

        new AutoPublishPolicy(commands, queries).on(drafted(4), 7L);

        verify(commands).sendAndWait(new ApproveReply(REVIEW, "Thank you!", Actor.system(), 7L));
    }

    @Test
    void aDraftBelowTheThresholdWaitsForAHuman() {
        settingsAre(settings(true, 4));

        new AutoPublishPolicy(commands, queries).on(drafted(3), 7L);

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void withoutAutoPublishEveryDraftWaitsForAHuman() {
        settingsAre(settings(true, null));

        new AutoPublishPolicy(commands, queries).on(drafted(5), 7L);

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anApprovalRefusedBecauseSomeoneChangedTheReplyIsIgnored() {
        settingsAre(settings(true, 1));
        when(commands.sendAndWait(any())).thenThrow(new ConflictingAggregateVersionException(REVIEW.toString(), 7L, 8L));

        new AutoPublishPolicy(commands, queries).on(drafted(5), 7L); // a human edited it in between: no exception
    }
}
