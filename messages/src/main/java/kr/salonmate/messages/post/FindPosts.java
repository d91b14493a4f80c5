package kr.salonmate.messages.post;

import kr.salonmate.messages.shop.ShopId;

/** → {@code PageResult<PostView>}, newest first; a null status matches every post. */
public record FindPosts(ShopId shopId, PostStatus status, int page, int size) {
}
