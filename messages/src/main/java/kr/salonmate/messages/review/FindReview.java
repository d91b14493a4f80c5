package kr.salonmate.messages.review;

import kr.salonmate.messages.shop.ShopId;

/** → {@link ReviewView}, or no result when there is no such review in that shop. */
public record FindReview(ShopId shopId, ReviewId reviewId) {
}
