package kr.salonmate.messages.review;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;

/**
 * → {@link AuditChunk}: the streaming variant of {@link FindAuditEntries} for exports. The next at most
 * {@code limit} entries after {@code after} (null: from the first), oldest first. A reader asks again with the
 * chunk's {@code next} until it is null, so no reader ever holds more than one chunk, however long the trail.
 */
public record ScrollAuditEntries(ShopId shopId, Instant from, Instant to, UUID actorId, AuditAction action,
                                 AuditCursor after, int limit) {
}
