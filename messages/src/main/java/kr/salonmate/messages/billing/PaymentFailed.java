package kr.salonmate.messages.billing;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PaymentFailed(ShopId shopId, String orderId, long amount, String code, String message, int attempt,
                            boolean renewal, Instant at) {
}
