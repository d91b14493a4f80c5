package kr.salonmate.saga.common;

import java.time.Duration;

/**
 * How hard a saga tries: at most {@code maxAttempts} attempts, with {@link Backoff} between them. Each saga's
 * properties ({@code salonmate.draft.*}, {@code salonmate.publish.*}, {@code salonmate.instagram.*}) make one.
 */
public record Retries(int maxAttempts, Backoff backoff) {

    public Retries {
        maxAttempts = Math.max(1, maxAttempts);
    }

    /** Whether another attempt may follow {@code attemptsMade} attempts. */
    public boolean allowAnotherAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public Duration waitAfter(int attempt) {
        return backoff.after(attempt);
    }

    /** The wait after failed attempt {@code attempt}, or the service's Retry-After when that is longer. */
    public Duration waitAfter(int attempt, Duration retryAfter) {
        Duration wait = waitAfter(attempt);
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
