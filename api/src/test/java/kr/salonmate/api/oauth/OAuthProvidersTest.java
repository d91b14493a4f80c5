package kr.salonmate.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kr.salonmate.api.error.ApiException;
import org.junit.jupiter.api.Test;

/**
 * A provider is on only with a client id: without one the page gets no button for it (the providers list) and its
 * endpoints answer 404, whatever else is set. (The integration tests run with both configured.)
 */
class OAuthProvidersTest {

    private static OAuthProperties properties(String googleClientId, String kakaoClientId) {
        return new OAuthProperties(
                new OAuthProperties.Google("https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token",
                        "https://www.googleapis.com/oauth2/v3/certs", "https://accounts.google.com", googleClientId, "secret"),
                new OAuthProperties.Kakao("https://kauth.kakao.com/oauth/authorize", "https://kauth.kakao.com/oauth/token",
                        "https://kapi.kakao.com", kakaoClientId, ""));
    }

    @Test
    void onlyProvidersWithAClientIdAreOffered() {
        assertThat(new OAuthController(null, properties("", "  "), null).providers().providers()).isEmpty();
        assertThat(new OAuthController(null, properties(null, "kakao-key"), null).providers().providers())
                .containsExactly("kakao");
        assertThat(new OAuthController(null, properties("google-id", ""), null).providers().providers())
                .containsExactly("google");
    }

    @Test
    void anUnconfiguredOrUnknownProviderIsNotFound() {
        OAuthController controller = new OAuthController(null, properties("", "kakao-key"), null);
        for (String provider : new String[]{"google", "naver", "GOOGLE", ""}) {
            assertThatThrownBy(() -> controller.authorize(provider)).as(provider)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
            assertThatThrownBy(() -> controller.callback(provider, "code", "state", null, null)).as(provider)
                    .isInstanceOf(ApiException.class);
        }
    }
}
