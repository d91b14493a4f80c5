package kr.salonmate.messages.review;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReviewReceived(ReviewId reviewId, ShopId shopId, ReviewSource source, String externalId, String author,
                             int rating, String comment, String language, Instant createdAt, Instant updatedAt,
                             Instant receivedAt) {
}
