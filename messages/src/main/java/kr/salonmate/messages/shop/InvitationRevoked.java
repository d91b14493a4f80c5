package kr.salonmate.messages.shop;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.axonframework.serialization.Revision;

@Revision("1")
public record InvitationRevoked(ShopId shopId, UUID invitationId, Actor revokedBy, Instant at) {
}
