package kr.salonmate.messages.shop;

import kr.salonmate.messages.privacy.PersonalData;
import kr.salonmate.messages.privacy.SubjectKind;
import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.axonframework.serialization.Revision;

/**
 * An address was invited. {@code inviteeEmail} is personal data, encrypted with a key of the invitation (ADR 20).
 * The invitation's token is a credential and never in an event (the api keeps its hash).
 */
@Revision("1")
public record MemberInvited(ShopId shopId, UUID invitationId,
                            @PersonalData(kind = SubjectKind.INVITEE, subject = "invitationId", erased = SubjectKind.ERASED_AUTHOR)
                            String inviteeEmail, MemberRole role, Actor invitedBy,
                            Instant expiresAt, Instant at) {
}
