package kr.salonmate.api.shop;

import java.time.Instant;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ShopView;

/** The Shop of the API; the credential reference stays inside. */
public record ShopResponse(String id, String name, String timezone, String locale, ReplySettings replySettings,
                           Connections connections, String plan) {

    public record Connections(Google google, Object instagram) {
    }

    public record Google(String accountId, String locationId, Instant connectedAt) {
    }

    public static ShopResponse of(ShopView view) {
        Google google = view.google() == null ? null
                : new Google(view.google().accountId(), view.google().locationId(), view.google().connectedAt());
        return new ShopResponse(view.id().toString(), view.name(), view.timezone(), view.locale(),
                view.replySettings(), new Connections(google, null), view.plan());
    }
}
