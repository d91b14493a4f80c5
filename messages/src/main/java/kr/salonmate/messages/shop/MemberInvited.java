package kr.salonmate.messages.shop;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * An address was invited. {@code inviteeEmail} is personal data: it is the one field to encrypt when events get
 * per-subject keys. The invitation's token is a credential and never in an event (the api keeps its hash).
 */
@Revision("1")
public record MemberInvited(ShopId shopId, UUID invitationId, String inviteeEmail, MemberRole role, Actor invitedBy,
                            Instant expiresAt, Instant at) {
}
