package kr.salonmate.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import kr.salonmate.api.support.MovableClock;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T00:00:00Z"));
    private final TokenBuckets buckets = new TokenBuckets(clock);

    @Test
    void aBurstUpToTheLimitPassesAndTheNextWaitsForItsShareOfTheMinute() {
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.take("ip:1", 10)).as("request " + i).isZero();
        }
        assertThat(buckets.take("ip:1", 10)).isEqualTo(6); // one token every 6 s at 10 a minute
        clock.advance(Duration.ofSeconds(5));
        assertThat(buckets.take("ip:1", 10)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.take("ip:1", 10)).isZero();
        assertThat(buckets.take("ip:1", 10)).isEqualTo(6);
    }

    @Test
    void keysAreIndependent() {
        for (int i = 0; i < 3; i++) {
            buckets.take("user:a", 3);
        }
        assertThat(buckets.take("user:a", 3)).isPositive();
        assertThat(buckets.take("user:b", 3)).isZero();
    }

    @Test
    void aSteadyStreamAtTheLimitIsNeverRefused() {
        for (int i = 0; i < 500; i++) {
            assertThat(buckets.take("user:steady", 100)).isZero();
            clock.advance(Duration.ofMillis(600));
        }
    }

    @Test
    void idleFullBucketsAreForgottenOnceAMinute() {
        buckets.take("user:gone", 100);
        clock.advance(Duration.ofSeconds(59));
        buckets.take("user:busy", 1);
        assertThat(buckets.take("user:busy", 1)).isPositive();
        clock.advance(Duration.ofSeconds(2)); // a minute since the last sweep: "gone" has refilled, "busy" has not
        buckets.take("user:other", 100);
        assertThat(buckets.size()).isEqualTo(2);
        assertThat(buckets.take("user:busy", 1)).as("a kept bucket keeps its count").isPositive();
    }
}
