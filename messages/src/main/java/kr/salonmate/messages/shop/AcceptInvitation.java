package kr.salonmate.messages.shop;

import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The signed-in account {@code userId}, whose address is {@code accountEmail}, takes up an invitation. */
public record AcceptInvitation(@TargetAggregateIdentifier ShopId shopId, UUID invitationId, UUID userId,
                               String accountEmail, Actor acceptedBy) {
}
