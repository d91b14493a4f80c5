package kr.salonmate.messages.post;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PostPublished(PostId postId, ShopId shopId, UUID publicationId, String instagramMediaId,
                            String permalink, Instant at) {
}
