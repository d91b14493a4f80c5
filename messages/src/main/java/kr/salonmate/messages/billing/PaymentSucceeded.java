package kr.salonmate.messages.billing;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PaymentSucceeded(ShopId shopId, String orderId, String paymentKey, long amount, Instant approvedAt,
                               Instant at) {
}
