package kr.salonmate.messages.review;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;

/**
 * → {@code PageResult<AuditEntry>}: the shop's audit trail, newest first, one entry per action on a reply.
 * Entries at or after {@code from} and before {@code to}; a null {@code actorId} or {@code action} matches every
 * entry.
 */
public record FindAuditEntries(ShopId shopId, Instant from, Instant to, UUID actorId, AuditAction action, int page,
                               int size) {
}
