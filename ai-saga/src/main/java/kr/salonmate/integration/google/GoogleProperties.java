package kr.salonmate.integration.google;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salonmate.google.*}: where and how to reach the Google Business Profile API.
 *
 * @param apiBaseUrl      base of the v4 API ({@code SALONMATE_GOOGLE_API_BASE_URL})
 * @param tokenUrl        OAuth token endpoint ({@code SALONMATE_GOOGLE_TOKEN_URL})
 * @param clientId        OAuth client id the refresh tokens were issued to
 * @param clientSecret    its secret (never logged)
 * @param connectTimeout  TCP connect timeout
 * @param readTimeout     time to wait for a response
 * @param maxAttempts     attempts of an idempotent call (token exchange, reads) on 429/5xx/IO before giving up
 * @param initialBackoff  first wait between those attempts (doubles each time, with jitter)
 * @param maxRetryWait    longest wait the client does in-line (a longer Retry-After is handed to the caller)
 */
@ConfigurationProperties("salonmate.google")
public record GoogleProperties(
        @DefaultValue("https://mybusiness.googleapis.com") String apiBaseUrl,
        @DefaultValue("https://oauth2.googleapis.com/token") String tokenUrl,
        String clientId,
        String clientSecret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("30s") Duration maxRetryWait) {

    public GoogleProperties {
        apiBaseUrl = stripTrailingSlash(apiBaseUrl == null ? "https://mybusiness.googleapis.com" : apiBaseUrl);
        tokenUrl = tokenUrl == null ? "https://oauth2.googleapis.com/token" : tokenUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        maxAttempts = Math.max(1, maxAttempts);
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxRetryWait = maxRetryWait == null ? Duration.ofSeconds(30) : maxRetryWait;
    }

    /** Defaults everywhere except the two URLs (tests point them at a fake server). */
    public static GoogleProperties of(String apiBaseUrl, String tokenUrl) {
        return new GoogleProperties(apiBaseUrl, tokenUrl, null, null, null, null, 3, null, null);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "GoogleProperties[apiBaseUrl=" + apiBaseUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "null" : "***") + "]";
    }
}
