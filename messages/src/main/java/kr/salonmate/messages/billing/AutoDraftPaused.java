package kr.salonmate.messages.billing;

import java.time.Instant;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/** A new review was not drafted automatically because the quota is used up; it stays NEW and waits. */
@Revision("1")
public record AutoDraftPaused(ShopId shopId, ReviewId reviewId, Instant reviewCreatedAt, Instant at) {
}
