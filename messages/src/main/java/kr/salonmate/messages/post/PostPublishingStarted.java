package kr.salonmate.messages.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/**
 * Publication {@code publicationId} goes to Instagram now, with exactly these photos, caption and hashtags. The
 * publishing saga reports back against {@code publicationId}.
 */
@Revision("1")
public record PostPublishingStarted(PostId postId, ShopId shopId, UUID publicationId, List<UUID> mediaIds,
                                    String caption, List<String> hashtags, Actor requestedBy, Instant at) {
}
