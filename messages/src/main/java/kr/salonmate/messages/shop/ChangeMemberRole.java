package kr.salonmate.messages.shop;

import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeMemberRole(@TargetAggregateIdentifier ShopId shopId, UUID userId, MemberRole role,
                               Actor changedBy) {
}
