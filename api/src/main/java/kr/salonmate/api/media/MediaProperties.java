package kr.salonmate.api.media;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salonmate.media.*}.
 *
 * @param signingKey     HMAC key of the photo links (base64, 32 bytes); generated into the data directory when unset
 *                       — every node of a cluster needs the same ({@code SALONMATE_MEDIA_SIGNING_KEY})
 * @param urlTtl         how long a photo link works
 * @param unattachedTtl  how long an uploaded photo that no post uses is kept
 * @param cleanupInterval how often the janitor looks for such photos and for failed uploads
 * @param renditionConcurrency how many uploads this node turns into renditions at once
 * @param renditionWait  how long an upload waits for one of those slots before it is answered 503
 */
@ConfigurationProperties("salonmate.media")
public record MediaProperties(String signingKey,
                              @DefaultValue("PT24H") Duration urlTtl,
                              @DefaultValue("PT24H") Duration unattachedTtl,
                              @DefaultValue("PT1H") Duration cleanupInterval,
                              @DefaultValue("2") Integer renditionConcurrency,
                              @DefaultValue("PT2S") Duration renditionWait) {

    public MediaProperties {
        urlTtl = urlTtl == null ? Duration.ofHours(24) : urlTtl;
        unattachedTtl = unattachedTtl == null ? Duration.ofHours(24) : unattachedTtl;
        cleanupInterval = cleanupInterval == null ? Duration.ofHours(1) : cleanupInterval;
        renditionConcurrency = renditionConcurrency == null || renditionConcurrency < 1 ? 2 : renditionConcurrency;
        renditionWait = renditionWait == null ? Duration.ofSeconds(2) : renditionWait;
    }

    @Override
    public String toString() {
        return "MediaProperties[urlTtl=" + urlTtl + ", unattachedTtl=" + unattachedTtl + ", renditionConcurrency="
                + renditionConcurrency + ", renditionWait=" + renditionWait + "]";
    }
}
