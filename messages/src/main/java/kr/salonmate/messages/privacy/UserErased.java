package kr.salonmate.messages.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/**
 * A user deleted their account: their key is destroyed, so their name reads {@code "(deleted user)"} in every event
 * and read model from now on. {@code shopIds} are the shops they left with it (their membership audit notes it).
 */
@Revision("1")
public record UserErased(UUID userId, List<ShopId> shopIds, Instant at) {
}
