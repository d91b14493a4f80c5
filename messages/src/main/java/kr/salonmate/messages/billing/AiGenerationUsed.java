package kr.salonmate.messages.billing;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/** One generation of period {@code periodStart}–{@code periodEnd} taken: {@code used} of {@code quota} now. */
@Revision("1")
public record AiGenerationUsed(ShopId shopId, String purpose, UUID subjectId, boolean automatic, String zone,
                               Instant periodStart, Instant periodEnd, int used, int quota, Instant at) {
}
