package kr.salonmate.messages.review;

import kr.salonmate.messages.shop.ShopId;

/**
 * → {@link SimilarReviews}: the shop's other reviews with a published reply, most similar to this one first; no
 * result when there is no such review in that shop.
 */
public record FindSimilarReviews(ShopId shopId, ReviewId reviewId, int limit) {
}
