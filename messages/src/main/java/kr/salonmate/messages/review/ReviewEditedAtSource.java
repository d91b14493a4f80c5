package kr.salonmate.messages.review;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReviewEditedAtSource(ReviewId reviewId, ShopId shopId, int rating, String comment, String language,
                                   int previousRating, String previousComment, Instant updatedAt, Instant at) {
}
