package kr.salonmate.integration.toss;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salonmate.toss.*}: Toss Payments' v1 REST API ({@code SALONMATE_TOSS_API_BASE_URL},
 * {@code SALONMATE_TOSS_SECRET_KEY}) and, for the page, the client key and the SDK script that opens Toss's
 * card-registration window ({@code SALONMATE_TOSS_CLIENT_KEY}, {@code SALONMATE_TOSS_SDK_URL}). No secret key:
 * nothing can be charged and the page hides upgrading.
 */
@ConfigurationProperties("salonmate.toss")
public record TossProperties(@DefaultValue("https://api.tosspayments.com") String apiBaseUrl, String secretKey,
                             String clientKey, @DefaultValue("https://js.tosspayments.com/v1/payment") String sdkUrl,
                             @DefaultValue("PT5S") Duration connectTimeout,
                             @DefaultValue("PT30S") Duration readTimeout) {

    public boolean configured() {
        return secretKey != null && !secretKey.isBlank();
    }

    /** The page may offer upgrading: a client key for the window and a secret key to charge with. */
    public boolean upgradeOffered() {
        return configured() && clientKey != null && !clientKey.isBlank();
    }
}
