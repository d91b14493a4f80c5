package kr.salonmate.messages.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.review.TokenUsage;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CaptionDrafted(PostId postId, ShopId shopId, UUID draftRequestId, String caption, List<String> hashtags,
                             String model, String promptVersion, TokenUsage tokenUsage, Instant at) {
}
