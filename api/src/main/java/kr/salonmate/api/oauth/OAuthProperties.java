package kr.salonmate.api.oauth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Google's and Kakao's sign-in endpoints are and who we are there. Every URL is a setting so that tests (and
 * staging) point them at fakes; a provider without a client id is off (its button hidden, its endpoints 404).
 */
@ConfigurationProperties("salonmate.oauth")
public record OAuthProperties(Google google, Kakao kakao) {

    public record Google(String authorizeUrl, String tokenUrl, String jwksUrl, String issuer, String clientId,
                         String clientSecret) {
    }

    public record Kakao(String authorizeUrl, String tokenUrl, String apiBaseUrl, String clientId,
                        String clientSecret) {
    }

    public boolean configured(OAuthProvider provider) {
        String clientId = provider == OAuthProvider.GOOGLE ? google.clientId() : kakao.clientId();
        return clientId != null && !clientId.isBlank();
    }
}
