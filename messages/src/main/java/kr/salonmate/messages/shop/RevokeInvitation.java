package kr.salonmate.messages.shop;

import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeInvitation(@TargetAggregateIdentifier ShopId shopId, UUID invitationId, Actor revokedBy) {
}
