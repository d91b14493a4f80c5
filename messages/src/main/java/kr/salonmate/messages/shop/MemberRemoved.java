package kr.salonmate.messages.shop;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.axonframework.serialization.Revision;

/** A membership ended; {@code removedBy.userId() == userId} means the member left. */
@Revision("1")
public record MemberRemoved(ShopId shopId, UUID userId, MemberRole role, Actor removedBy, Instant at) {
}
