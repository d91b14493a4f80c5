package kr.salonmate.messages.shop;

import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a membership; when {@code removedBy} is the member themself, they leave the shop. */
public record RemoveMember(@TargetAggregateIdentifier ShopId shopId, UUID userId, Actor removedBy) {
}
