package kr.salonmate.saga.review;

import java.time.Duration;

import kr.salonmate.saga.common.Backoff;
import kr.salonmate.saga.common.Backoff;
import kr.salonmate.saga.common.Retries;
import kr.salonmate.saga.common.Retries;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salonmate.publish.*}: how hard the publishing saga tries.
 *
 * @param maxAttempts    attempts (each one re-reads the review first) before the failure is final
 * @param initialBackoff wait before the second attempt; doubles for every further one
 */
@ConfigurationProperties("salonmate.publish")
public record PublishProperties(
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("PT10S") Duration initialBackoff) {

    public PublishProperties {
        maxAttempts = Math.max(1, maxAttempts);
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
    }

    /** Attempts of one publication, {@code initialBackoff} doubling between them. */
    Retries retries() {
        return new Retries(maxAttempts, new Backoff(initialBackoff));
    }
}
