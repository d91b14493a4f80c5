package kr.salonmate.messages.shop;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.axonframework.serialization.Revision;

/** An invitation was taken up: {@code userId} is a member with {@code role} from now on. */
@Revision("1")
public record InvitationAccepted(ShopId shopId, UUID invitationId, UUID userId, MemberRole role, Actor acceptedBy,
                                 Instant at) {
}
