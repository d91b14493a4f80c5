package kr.salonmate.api.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/**
 * The one way tests wait for what is asynchronous (read models, sagas, mails, other nodes): read until a condition
 * holds, with Awaitility. Reads run on the test's own thread, the first one at once; a read that throws fails the
 * test at once; a time-out names what was awaited and the last value read.
 */
public final class Eventually {

    /** Long enough for a read model or a saga of the application in this JVM on a busy two-core machine. */
    public static final Duration LIMIT = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private Eventually() {
    }

    /** Reads until {@code done} holds, for up to {@link #LIMIT}; returns the value that satisfied it. */
    public static <T> T eventually(Supplier<T> read, Predicate<T> done, String what) {
        return eventually(read, done, what, LIMIT);
    }

    /** Reads until {@code done} holds, for up to {@code limit}; returns the value that satisfied it. */
    public static <T> T eventually(Supplier<T> read, Predicate<T> done, String what, Duration limit) {
        return Awaitility.await(what).atMost(limit)
                .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL)
                .until(read::get, done::test);
    }
}
