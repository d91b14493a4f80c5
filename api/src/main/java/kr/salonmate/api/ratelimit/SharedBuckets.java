package kr.salonmate.api.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets kept by Bucket4j in a store every node shares (Redis or PostgreSQL), so N nodes allow a client the
 * limit once, not N times. The limit is part of the key: a node started with another limit counts in a bucket of
 * its own instead of reading a bucket built for the old one.
 *
 * <p>If the store cannot be reached the request is let through (and a warning logged at most once a minute): the
 * limits protect against runaway clients, and failing every request because Redis blinked would be the bigger harm.
 */
final class SharedBuckets implements Buckets {

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ProxyManager<String> buckets;
    private final String prefix;
    private final Map<Integer, BucketConfiguration> configurations = new ConcurrentHashMap<>();
    private final AtomicLong lastWarning = new AtomicLong();

    SharedBuckets(ProxyManager<String> buckets, String prefix) {
        this.buckets = buckets;
        this.prefix = prefix;
    }

    @Override
    public long take(String key, int perMinute) {
        BucketConfiguration configuration = configurations.computeIfAbsent(perMinute, n -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(n).refillGreedy(n, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe;
        try {
            probe = buckets.builder().build(prefix + key + "/" + perMinute, () -> configuration)
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            long now = System.currentTimeMillis();
            long last = lastWarning.get();
            if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
                log.warn("The rate-limit store is not reachable; requests go through unlimited meanwhile: {}",
                        e.toString());
            }
            return 0;
        }
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }
}
