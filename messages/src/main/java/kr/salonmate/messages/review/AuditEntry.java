package kr.salonmate.messages.review;

import java.time.Instant;
import kr.salonmate.messages.common.Actor;

/** One action on a reply, as the audit trail shows it. {@code sequence} is the event's place in its review. */
public record AuditEntry(ReviewId reviewId, long sequence, Instant at, AuditAction action, Actor actor, String text,
                         String previousText, String model, String detail) {
}
