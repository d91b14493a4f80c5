package kr.salonmate.messages.review;

import java.time.Instant;

/** A reply that the review source (Google) already shows. */
public record SourceReply(String text, Instant updatedAt) {
}
