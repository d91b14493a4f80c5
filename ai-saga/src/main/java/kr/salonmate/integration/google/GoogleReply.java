package kr.salonmate.integration.google;

import java.time.Instant;

/** The owner's reply as Google shows it under a review. */
public record GoogleReply(String comment, Instant updateTime) {
}
