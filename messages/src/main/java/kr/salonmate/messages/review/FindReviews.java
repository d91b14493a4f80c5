package kr.salonmate.messages.review;

import kr.salonmate.messages.shop.ShopId;

/** → {@code PageResult<ReviewView>}, newest first. Null filters match everything. */
public record FindReviews(ShopId shopId, ReviewStatus status, Integer rating, ReviewSource source, String text,
                          int page, int size) {
}
