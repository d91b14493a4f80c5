package kr.salonmate.messages.shop;

import java.time.Instant;
import java.util.UUID;

/**
 * The shop as the read side knows it. {@code google} is null until a location is connected, {@code instagram}
 * until an Instagram account is.
 */
public record ShopView(ShopId id, String name, String timezone, String locale, UUID ownerUserId,
                       ReplySettings replySettings, GoogleConnection google, String plan, Instant lastSyncAt,
                       InstagramConnection instagram) {

    /** A shop without an Instagram connection. */
    public ShopView(ShopId id, String name, String timezone, String locale, UUID ownerUserId,
                    ReplySettings replySettings, GoogleConnection google, String plan, Instant lastSyncAt) {
        this(id, name, timezone, locale, ownerUserId, replySettings, google, plan, lastSyncAt, null);
    }

    public record GoogleConnection(String accountId, String locationId, String credentialRef, Instant connectedAt) {
    }

    public record InstagramConnection(String igUserId, String credentialRef, Instant connectedAt) {
    }
}
