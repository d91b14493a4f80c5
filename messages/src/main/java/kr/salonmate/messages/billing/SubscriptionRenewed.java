package kr.salonmate.messages.billing;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/** The next period is paid: a new quota from {@code periodStart}. */
@Revision("1")
public record SubscriptionRenewed(ShopId shopId, String orderId, Instant periodStart, Instant periodEnd, int aiQuota,
                                  Instant at) {
}
