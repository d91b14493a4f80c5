package kr.salonmate.messages.shop;

import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Makes an existing account a member at once. {@code memberEmail} is the account's address, so the shop can
 * refuse when that address already has a pending invitation; it is not kept in the event.
 */
public record AddMember(@TargetAggregateIdentifier ShopId shopId, UUID userId, String memberEmail, MemberRole role,
                        Actor addedBy) {
}
