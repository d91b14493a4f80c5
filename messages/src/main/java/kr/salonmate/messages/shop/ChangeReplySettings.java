package kr.salonmate.messages.shop;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeReplySettings(@TargetAggregateIdentifier ShopId shopId, ReplySettings settings, Actor changedBy) {
}
