package kr.salonmate.messages.billing;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/** FREE → PRO. {@code billingKeyRef} is the credential vault's reference, never the billing key. */
@Revision("1")
public record SubscriptionStarted(ShopId shopId, Plan plan, String customerKey, String billingKeyRef,
                                  String cardCompany, String cardLast4, long amount, Instant periodStart,
                                  Instant periodEnd, int aiQuota, Instant at) {
}
