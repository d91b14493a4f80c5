package kr.salonmate.api.benchmark;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.OpenAiIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * AI pipeline throughput: how many drafts per minute when the model takes 1.5 s per answer. Not part of the
 * default test run (the name does not end in Test); run it with
 * {@code ./mvnw -pl api -am test -Dtest=AiPipelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Anchor: the original design's 100 AI jobs per minute.
 */
class AiPipelineBenchmark extends OpenAiIntegrationTest {

    private static final int REVIEWS = Integer.getInteger("benchmark.reviews", 300);
    private static final long MODEL_LATENCY_MS = 1_500;

    @Test
    void draftsPerMinuteWithASlowModel() {
        OPENAI.latency(MODEL_LATENCY_MS);
        GOOGLE.pageSize(50);
        Owner owner = signUp("Benchmark Salon");
        for (int i = 0; i < REVIEWS; i++) {
            GOOGLE.addReview(owner.shopId(), "bench-" + i, "Guest " + i, 1 + i % 5, "Review number " + i,
                    Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i * 60L));
        }
        assertThat(api.put(owner.shop("/connections/google"), owner.token(), Map.of("accountId", "acc-1",
                "locationId", owner.shopId(), "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN)).status()).isEqualTo(200);

        long start = System.nanoTime();
        assertThat(api.post(owner.shop("/reviews/sync"), owner.token(), null).status()).isEqualTo(202);
        eventually(() -> drafted(owner), drafted -> drafted >= REVIEWS, "all drafts within 5 minutes",
                Duration.ofMinutes(5));
        double minutes = (System.nanoTime() - start) / 60e9;
        double perMinute = REVIEWS / minutes;
        System.out.printf("[benchmark] AI pipeline: %d drafts in %.1f s with %d ms model latency = %.0f drafts/min;"
                + " anchor (original design) 100/min; ratio %.1fx%n", REVIEWS, minutes * 60, MODEL_LATENCY_MS,
                perMinute, perMinute / 100);
        assertThat(OPENAI.answered()).isGreaterThanOrEqualTo(REVIEWS);
    }

    private long drafted(Owner owner) {
        return api.get(owner.shop("/reviews?status=DRAFTED&size=1"), owner.token()).json().path("total").asLong();
    }
}
