package kr.salonmate.messages.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/** A post was created; its caption is drafted next, answering {@code draftRequestId}. */
@Revision("1")
public record PostCreated(PostId postId, ShopId shopId, List<UUID> mediaIds, String brief, UUID draftRequestId,
                          Actor createdBy, Instant at) {
}
