package kr.salonmate.messages.post;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PostPublishFailed(PostId postId, ShopId shopId, UUID publicationId, String code, String message,
                                int attempts, Instant at) {
}
