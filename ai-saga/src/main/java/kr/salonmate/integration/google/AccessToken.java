package kr.salonmate.integration.google;

import java.time.Instant;

/** A short-lived Google access token. {@code toString} does not show it. */
public record AccessToken(String value, String tokenType, Instant expiresAt) {

    boolean usableAt(Instant now) {
        return now.isBefore(expiresAt.minusSeconds(60));
    }

    @Override
    public String toString() {
        return "AccessToken[type=" + tokenType + ", expiresAt=" + expiresAt + "]";
    }
}
