package kr.salonmate.saga.common;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salonmate.draft.*}: how hard the drafting saga tries, and which reviews get drafted automatically.
 *
 * @param maxAttempts    model attempts before the draft is marked failed
 * @param initialBackoff wait before the second attempt; doubles for every further one
 * @param autoMaxAge     reviews written longer ago than this are not drafted automatically (null: no limit);
 *                       useful when a shop with years of reviews connects Google for the first time
 */
@ConfigurationProperties("salonmate.draft")
public record DraftProperties(
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("PT20S") Duration initialBackoff,
        Duration autoMaxAge) {

    public DraftProperties {
        maxAttempts = Math.max(1, maxAttempts);
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(20) : initialBackoff;
    }

    /** Attempts of one draft, {@code initialBackoff} doubling between them. */
    public Retries retries() {
        return new Retries(maxAttempts, new Backoff(initialBackoff));
    }
}
