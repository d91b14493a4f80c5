package kr.salonmate.messages.review;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/** The source shows a reply SalonMate did not write; the review is now REPLIED_ELSEWHERE. */
@Revision("1")
public record ReplyFoundAtSource(ReviewId reviewId, ShopId shopId, String text, Instant updatedAt, Instant at) {
}
