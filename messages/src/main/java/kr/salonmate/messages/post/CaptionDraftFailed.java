package kr.salonmate.messages.post;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/** No caption could be drafted; the post is READY without one and a new draft can be requested. */
@Revision("1")
public record CaptionDraftFailed(PostId postId, ShopId shopId, UUID draftRequestId, String reason, int attempts,
                                 Instant at) {
}
