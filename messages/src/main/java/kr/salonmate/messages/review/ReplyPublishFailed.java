package kr.salonmate.messages.review;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReplyPublishFailed(ReviewId reviewId, ShopId shopId, UUID approvalId, String code, String message,
                                 int attempts, Instant at) {
}
