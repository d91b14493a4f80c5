package kr.salonmate.api.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (a user, an IP address, a shop): each holds up to {@code perMinute} tokens and refills
 * continuously at {@code perMinute} a minute, so a burst up to the limit is fine and a steady stream above it is
 * not. Buckets idle for longer than it takes to refill are dropped, so memory follows the active keys only. They live
 * in this node's memory: the store of a single node (the embedded default); a cluster uses {@link SharedBuckets}.
 */
final class TokenBuckets implements Buckets {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();
    private static final long SWEEP_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile long lastSweep;

    TokenBuckets(Clock clock) {
        this.clock = clock;
        this.lastSweep = now();
    }

    @Override
    public long take(String key, int perMinute) {
        long now = now();
        sweepIfDue(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        return bucket.take(perMinute, now);
    }

    int size() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        if (now - lastSweep < SWEEP_EVERY_NANOS) {
            return;
        }
        lastSweep = now;
        buckets.values().removeIf(bucket -> bucket.idleAndFull(now));
    }

    private long now() {
        Clock c = clock;
        return c.millis() * 1_000_000L;
    }

    private static final class Bucket {
        private double tokens;
        private long updated;
        private int capacity;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.capacity = capacity;
            this.updated = now;
        }

        synchronized long take(int perMinute, long now) {
            capacity = perMinute;
            tokens = Math.min(capacity, tokens + (now - updated) * (double) perMinute / NANOS_PER_MINUTE);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double missingNanos = (1 - tokens) * NANOS_PER_MINUTE / perMinute;
            return Math.max(1, (long) Math.ceil(missingNanos / 1_000_000_000d));
        }

        synchronized boolean idleAndFull(long now) {
            return tokens + (now - updated) * (double) capacity / NANOS_PER_MINUTE >= capacity;
        }
    }
}
