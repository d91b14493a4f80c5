package kr.salonmate.messages.billing;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AiGenerationReturned(ShopId shopId, UUID subjectId, Instant periodStart, int used, int quota,
                                   Instant at) {
}
