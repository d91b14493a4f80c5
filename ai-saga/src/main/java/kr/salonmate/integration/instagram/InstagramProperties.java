package kr.salonmate.integration.instagram;

import java.time.Duration;

import kr.salonmate.saga.common.Backoff;
import kr.salonmate.saga.common.Backoff;
import kr.salonmate.saga.common.Retries;
import kr.salonmate.saga.common.Retries;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salonmate.instagram.*}: where the Instagram Graph API is and how patiently posts are published.
 *
 * @param apiBaseUrl         base of the Graph API, version included ({@code SALONMATE_INSTAGRAM_API_BASE_URL})
 * @param connectTimeout     TCP connect timeout
 * @param readTimeout        time to wait for a response
 * @param maxAttempts        tries of a publication that keeps failing transiently before the failure is final
 * @param initialBackoff     wait before the second try; doubles for every further one (or Instagram's Retry-After)
 * @param statusPollInterval first wait before looking again at a container Instagram is still processing; it doubles
 *                           with every look, up to 8 times this
 * @param maxStatusPolls     looks at a container still IN_PROGRESS before giving up on it (the defaults: about 9
 *                           minutes)
 */
@ConfigurationProperties("salonmate.instagram")
public record InstagramProperties(
        @DefaultValue("https://graph.facebook.com/v21.0") String apiBaseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT30S") Duration initialBackoff,
        @DefaultValue("PT10S") Duration statusPollInterval,
        @DefaultValue("10") int maxStatusPolls) {

    public InstagramProperties {
        apiBaseUrl = stripTrailingSlash(apiBaseUrl == null ? "https://graph.facebook.com/v21.0" : apiBaseUrl);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        maxAttempts = Math.max(1, maxAttempts);
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
        statusPollInterval = statusPollInterval == null ? Duration.ofSeconds(10) : statusPollInterval;
        maxStatusPolls = Math.max(1, maxStatusPolls);
    }

    /** Defaults everywhere except the base URL and the waits (tests point them at a fake and keep them short). */
    public static InstagramProperties of(String apiBaseUrl, Duration backoff, Duration pollInterval, int maxPolls) {
        return new InstagramProperties(apiBaseUrl, null, Duration.ofSeconds(5), 5, backoff, pollInterval, maxPolls);
    }

    /** Tries of one publication, {@code initialBackoff} doubling between them. */
    public Retries retries() {
        return new Retries(maxAttempts, new Backoff(initialBackoff));
    }

    /** The wait after look number {@code poll} (1-based) found the container still in progress. */
    public Duration pollWaitAfter(int poll) {
        return new Backoff(statusPollInterval, 3).after(poll);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
