package kr.salonmate.messages.billing;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ChargeRequested(ShopId shopId, String orderId, long amount, Instant periodStart, Instant periodEnd,
                              int attempt, boolean renewal, String customerKey, String billingKeyRef,
                              String cardCompany, String cardLast4, Instant at) {
}
