package kr.salonmate.messages.billing;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/** A renewal failed and will be tried again at {@code retryAt}; the shop stays PRO meanwhile. */
@Revision("1")
public record SubscriptionPastDue(ShopId shopId, String orderId, Instant retryAt, Instant at) {
}
