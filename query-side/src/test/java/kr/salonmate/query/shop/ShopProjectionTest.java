package kr.salonmate.query.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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

    private static DomainEventMessage<?> event(ShopId shop, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Shop", shop.toString(), sequence, payload);
    }
}
