package kr.salonmate.messages.shop;

import java.time.Instant;
import java.util.UUID;

/** The shop as the read side knows it. {@code google} is null until a location is connected. */
public record ShopView(ShopId id, String name, String timezone, String locale, UUID ownerUserId,
                       ReplySettings replySettings, GoogleConnection google, String plan, Instant lastSyncAt) {

    public record GoogleConnection(String accountId, String locationId, String credentialRef, Instant connectedAt) {
    }
}
