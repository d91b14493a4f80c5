package kr.salonmate.messages.shop;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Invites an address that has no account yet; the invitation is good until {@code expiresAt}. */
public record InviteMember(@TargetAggregateIdentifier ShopId shopId, UUID invitationId, String inviteeEmail,
                           MemberRole role, Actor invitedBy, Instant expiresAt) {
}
