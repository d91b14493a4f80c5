package kr.salonmate.messages.review;

import kr.salonmate.messages.shop.ShopId;

/**
 * → {@link SyncedReviews}: the reviews of one shop from one source as the read side knows them, so that a sync sends
 * commands only for what the source shows changed (or does not know yet).
 */
public record FetchSyncedReviews(ShopId shopId, ReviewSource source) {
}
