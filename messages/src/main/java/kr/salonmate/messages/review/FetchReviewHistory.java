package kr.salonmate.messages.review;

import kr.salonmate.messages.shop.ShopId;

/** → list of {@link AuditEntry}, oldest first. */
public record FetchReviewHistory(ShopId shopId, ReviewId reviewId) {
}
