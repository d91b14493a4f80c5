package kr.salonmate.messages.review;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReplyDrafted(ReviewId reviewId, ShopId shopId, UUID draftRequestId, String text, String model,
                           String promptVersion, TokenUsage tokenUsage, int rating, Instant at) {
}
