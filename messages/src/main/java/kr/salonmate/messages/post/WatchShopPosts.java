package kr.salonmate.messages.post;

import kr.salonmate.messages.shop.ShopId;

/**
 * Subscription query: the initial result is the newest page of posts ({@code PageResult<PostView>}), every update
 * is one {@link PostView} as the read model holds it after a change.
 */
public record WatchShopPosts(ShopId shopId) {
}
