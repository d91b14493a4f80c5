package kr.salonmate.api.shop;

import java.time.Instant;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ShopView;

/** The Shop of the API; credential references stay inside. */
public record ShopResponse(String id, String name, String timezone, String locale, ReplySettings replySettings,
                           Connections connections, String plan) {

    public record Connections(Google google, Instagram instagram) {
    }

    public record Google(String accountId, String locationId, Instant connectedAt) {
    }

    public record Instagram(String igUserId, Instant connectedAt) {
    }

    public static ShopResponse of(ShopView view) {
        Google google = view.google() == null ? null
                : new Google(view.google().accountId(), view.google().locationId(), view.google().connectedAt());
        Instagram instagram = view.instagram() == null ? null
                : new Instagram(view.instagram().igUserId(), view.instagram().connectedAt());
        return new ShopResponse(view.id().toString(), view.name(), view.timezone(), view.locale(),
                view.replySettings(), new Connections(google, instagram), view.plan());
    }
}
