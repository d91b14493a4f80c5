package kr.salonmate.saga.common;

import java.time.Duration;
import java.util.Objects;

/**
 * The one backoff of this module: the wait after failed attempt {@code n} (1-based) is {@code initial × 2^(n-1)}.
 * The doubling stops after {@code mostDoublings} (20 unless said otherwise, so a long run of failures never
 * overflows); the sagas' retries, the Google client's in-line retries and Instagram's container polls all use it.
 */
public record Backoff(Duration initial, int mostDoublings) {

    private static final int MOST_DOUBLINGS = 20;

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        mostDoublings = Math.min(Math.max(mostDoublings, 0), MOST_DOUBLINGS);
    }

    public Backoff(Duration initial) {
        this(initial, MOST_DOUBLINGS);
    }

    /** The wait after failed attempt number {@code attempt} (1-based; 0 and less count as the first). */
    public Duration after(int attempt) {
        return initial.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), mostDoublings));
    }
}
