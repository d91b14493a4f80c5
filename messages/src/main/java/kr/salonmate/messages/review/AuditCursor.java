package kr.salonmate.messages.review;

import java.time.Instant;

/**
 * A place in a shop's audit trail: entries are ordered by (at, reviewId, sequence), which is unique; a billing entry
 * (no review) sorts as if its reviewId were the nil UUID.
 */
public record AuditCursor(Instant at, ReviewId reviewId, long sequence) {

    public static AuditCursor of(AuditEntry entry) {
        return new AuditCursor(entry.at(), entry.reviewId(), entry.sequence());
    }
}
