package kr.salonmate.messages.review;

import java.time.Instant;
import kr.salonmate.messages.common.Actor;

/**
 * One entry of a shop's audit trail: an action on a review's reply ({@code sequence} is the event's place in its
 * review), or a change of the shop's plan or a payment ({@code reviewId} null, {@code sequence} the event's place in
 * the shop's billing, {@code detail} naming the order and amount).
 */
public record AuditEntry(ReviewId reviewId, long sequence, Instant at, AuditAction action, Actor actor, String text,
                         String previousText, String model, String detail) {
}
