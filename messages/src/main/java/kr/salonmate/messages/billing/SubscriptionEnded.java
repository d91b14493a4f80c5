package kr.salonmate.messages.billing;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/**
 * PRO → FREE: {@code reason} is {@code CANCELLED} (the cancelled period ended) or {@code PAYMENT_FAILED} (the last
 * renewal attempt failed). From {@code at} the FREE plan's calendar month and quota apply.
 */
@Revision("1")
public record SubscriptionEnded(ShopId shopId, String reason, Instant at) {
}
