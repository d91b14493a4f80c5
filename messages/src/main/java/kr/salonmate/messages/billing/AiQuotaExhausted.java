package kr.salonmate.messages.billing;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/** The last generation of the period was taken: automatic drafting pauses until {@code AiQuotaRestored}. */
@Revision("1")
public record AiQuotaExhausted(ShopId shopId, Instant periodEnd, int quota, Instant at) {
}
