package kr.salonmate.messages.billing;

import java.time.Instant;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/** PRO until {@code periodEnd}, then FREE; nothing is charged any more. */
@Revision("1")
public record SubscriptionCancelled(ShopId shopId, Instant periodEnd, Actor cancelledBy, Instant at) {
}
