package kr.salonmate.messages.post;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/** Publication {@code publicationId} is due at {@code scheduledAt}; the publishing saga waits for it. */
@Revision("1")
public record PostScheduled(PostId postId, ShopId shopId, UUID publicationId, Instant scheduledAt, Actor requestedBy,
                            Instant at) {
}
