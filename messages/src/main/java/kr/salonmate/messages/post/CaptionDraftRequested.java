package kr.salonmate.messages.post;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CaptionDraftRequested(PostId postId, ShopId shopId, UUID draftRequestId, String brief, int mediaCount,
                                    Actor requestedBy, Instant at) {
}
