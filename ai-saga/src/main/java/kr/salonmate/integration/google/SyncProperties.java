package kr.salonmate.integration.google;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salonmate.sync.*}: the review polling.
 *
 * @param enabled      whether this node polls Google on a schedule ({@code syncNow} works either way)
 * @param interval     time between two sweeps over all connected shops ({@code SALONMATE_SYNC_INTERVAL})
 * @param initialDelay time from start-up to the first sweep
 * @param threads      shops synced in parallel on this node
 * @param inFlight     batches of SyncReview commands one sync has on their way at once: reviews are independent
 *                     aggregates, and waiting for each in turn left both cores idle between two commits
 * @param dispatchers  threads that carry the SyncReview commands of all syncs of this node
 * @param commandsPerCommit SyncReview commands handled in one unit of work and committed together (ADR 33); 1 sends
 *                     each on its own; 50 is a page of Google reviews
 */
@ConfigurationProperties("salonmate.sync")
public record SyncProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT10M") Duration interval,
        @DefaultValue("PT30S") Duration initialDelay,
        @DefaultValue("4") int threads,
        @DefaultValue("4") int inFlight,
        @DefaultValue("8") int dispatchers,
        @DefaultValue("50") int commandsPerCommit) {

    @ConstructorBinding
    public SyncProperties {
        interval = interval == null ? Duration.ofMinutes(10) : interval;
        initialDelay = initialDelay == null ? Duration.ofSeconds(30) : initialDelay;
        threads = Math.max(1, threads);
        inFlight = Math.max(1, inFlight);
        dispatchers = Math.max(1, dispatchers);
        commandsPerCommit = Math.max(1, commandsPerCommit);
    }

    public SyncProperties(boolean enabled, Duration interval, Duration initialDelay, int threads) {
        this(enabled, interval, initialDelay, threads, 4, 8, 50);
    }

    public static SyncProperties defaults() {
        return new SyncProperties(true, null, null, 4);
    }
}
