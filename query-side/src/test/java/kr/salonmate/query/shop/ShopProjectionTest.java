package kr.salonmate.query.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.FindGoogleConnectedShops;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.GoogleLocationConnected;
import kr.salonmate.messages.shop.InstagramAccountConnected;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReplySettingsChanged;
import kr.salonmate.messages.shop.ReplyTone;
import kr.salonmate.messages.shop.ReviewsSynced;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopRegistered;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.query.support.ProjectionTest;
import kr.salonmate.query.support.ReviewStory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;

class ShopProjectionTest extends ProjectionTest {

    private static final Actor OWNER = ReviewStory.OWNER;
    private static final Instant AT = Instant.parse("2026-11-03T01:00:00Z");

    @Test
    void aRegisteredShopHasItsSettingsTheFreePlanAndNoGoogleConnection() {
        ShopId shop = ShopId.random();
        given(event(shop, 0, new ShopRegistered(shop, "헤어살롱 민", "Asia/Seoul", "ko", OWNER,
                ReplySettings.defaults(), AT)));

        ShopView view = queryOptional(new FindShop(shop), ShopView.class).orElseThrow();
        assertThat(view.id()).isEqualTo(shop);
        assertThat(view.name()).isEqualTo("헤어살롱 민");
        assertThat(view.timezone()).isEqualTo("Asia/Seoul");
        assertThat(view.locale()).isEqualTo("ko");
        assertThat(view.ownerUserId()).isEqualTo(OWNER.userId());
        assertThat(view.replySettings()).isEqualTo(ReplySettings.defaults());
        assertThat(view.google()).isNull();
        assertThat(view.plan()).isEqualTo("FREE");
        assertThat(view.lastSyncAt()).isNull();
    }

    @Test
    void settingsGoogleConnectionAndSyncsShowInTheShopAndConnectedShopsAreListed() {
        ShopId connected = ShopId.random();
        ShopId notConnected = ShopId.random();
        ReplySettings settings = new ReplySettings(ReplyTone.FRIENDLY, "en", "— Team Min", false, 4, true);
        given(event(connected, 0, new ShopRegistered(connected, "A", "Asia/Seoul", "ko", OWNER,
                        ReplySettings.defaults(), AT)),
                event(notConnected, 0, new ShopRegistered(notConnected, "B", "Asia/Seoul", "ko", OWNER,
                        ReplySettings.defaults(), AT)),
                event(connected, 1, new ReplySettingsChanged(connected, settings, OWNER, AT)),
                event(connected, 2, new GoogleLocationConnected(connected, "acc-1", "loc-1", "cred-1", OWNER, AT)),
                event(connected, 3, new ReviewsSynced(connected, 12, AT.plusSeconds(60))));

        ShopView view = queryOptional(new FindShop(connected), ShopView.class).orElseThrow();
        assertThat(view.replySettings()).isEqualTo(settings);
        assertThat(view.google()).isEqualTo(new ShopView.GoogleConnection("acc-1", "loc-1", "cred-1", AT));
        assertThat(view.lastSyncAt()).isEqualTo(AT.plusSeconds(60));

        List<ShopView> shops = queryList(new FindGoogleConnectedShops(), ShopView.class);
        assertThat(shops).extracting(ShopView::id).contains(connected).doesNotContain(notConnected);
    }

    @Test
    void anUnknownShopIsNotFound() {
        assertThat(queryOptional(new FindShop(ShopId.random()), ShopView.class)).isEmpty();
    }

    @Test
    void anInstagramConnectionShowsInTheShop() {
        ShopId shop = ShopId.random();
        given(event(shop, 0, new ShopRegistered(shop, "네일 루미", "Asia/Seoul", "ko", OWNER, ReplySettings.defaults(),
                AT)), event(shop, 1, new InstagramAccountConnected(shop, "17841400000000001", "cred-ig", OWNER, AT)));

        ShopView view = queryOptional(new FindShop(shop), ShopView.class).orElseThrow();
        assertThat(view.instagram()).isEqualTo(new ShopView.InstagramConnection("17841400000000001", "cred-ig", AT));
        assertThat(view.google()).isNull();
    }

    /** What api's ReadModels waits on after a command (ADR 26): each change of that shop, sent once it is readable. */
    @Test
    void aSubscriberOfOneShopReceivesEachOfItsChangesAfterTheCommit() {
        ShopId shop = ShopId.random();
        ShopId other = ShopId.random();
        given(event(shop, 0, new ShopRegistered(shop, "A", "Asia/Seoul", "ko", OWNER, ReplySettings.defaults(), AT)));
        ReplySettings settings = new ReplySettings(ReplyTone.FORMAL, "en", null, false, null, false);

        SubscriptionQueryResult<Optional<ShopView>, ShopView> watch = queries.subscriptionQuery(new FindShop(shop),
                ResponseTypes.optionalInstanceOf(ShopView.class), ResponseTypes.instanceOf(ShopView.class));
        try {
            assertThat(watch.initialResult().block(Duration.ofSeconds(10))).map(ShopView::name).contains("A");

            publish(event(other, 0, new ShopRegistered(other, "B", "Asia/Seoul", "ko", OWNER,
                            ReplySettings.defaults(), AT)),
                    event(shop, 1, new ReplySettingsChanged(shop, settings, OWNER, AT)));

            ShopView update = watch.updates().next().block(Duration.ofSeconds(20));
            assertThat(update.id()).isEqualTo(shop);
            assertThat(update.replySettings()).isEqualTo(settings);
            // sent after the shop view committed: a query right away sees the same state
            assertThat(queryOptional(new FindShop(shop), ShopView.class)).contains(update);
        } finally {
            watch.close();
        }
    }

    private static DomainEventMessage<?> event(ShopId shop, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Shop", shop.toString(), sequence, payload);
    }
}
