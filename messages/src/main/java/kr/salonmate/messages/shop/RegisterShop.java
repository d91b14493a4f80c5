package kr.salonmate.messages.shop;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterShop(@TargetAggregateIdentifier ShopId shopId, String name, String timezone, String locale,
                           Actor owner) {
}
