package kr.salonmate.messages.review;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;

/**
 * → {@link ReviewView} as the review stood at {@code asOf} (every event recorded at or before that instant), or no
 * result when the review did not exist yet then, or is not a review of that shop.
 */
public record FindReviewAsOf(ShopId shopId, ReviewId reviewId, Instant asOf) {
}
