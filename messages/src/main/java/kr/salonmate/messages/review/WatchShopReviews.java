package kr.salonmate.messages.review;

import kr.salonmate.messages.shop.ShopId;

/**
 * Subscription query: the initial result is the newest page of the inbox ({@code PageResult<ReviewView>}),
 * every update is one {@link ReviewView} as the read model holds it after a change.
 */
public record WatchShopReviews(ShopId shopId) {
}
