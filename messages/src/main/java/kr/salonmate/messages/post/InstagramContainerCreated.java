package kr.salonmate.messages.post;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/**
 * Recorded before anything is published: after a crash or a lost answer the publishing saga asks Instagram about
 * this container before trying again, so a post is never published twice.
 */
@Revision("1")
public record InstagramContainerCreated(PostId postId, ShopId shopId, UUID publicationId, String containerId,
                                        Instant at) {
}
