package kr.salonmate.messages.review;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReplyDraftFailed(ReviewId reviewId, ShopId shopId, UUID draftRequestId, String reason, int attempts,
                               Instant at) {
}
