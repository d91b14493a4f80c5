package kr.salonmate.messages.post;

import kr.salonmate.messages.shop.ShopId;

/** → {@link PostView}, or no result when there is no such post in that shop. */
public record FindPost(ShopId shopId, PostId postId) {
}
