package kr.salonmate.messages.shop;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberRoleChanged(ShopId shopId, UUID userId, MemberRole role, MemberRole previousRole,
                                Actor changedBy, Instant at) {
}
