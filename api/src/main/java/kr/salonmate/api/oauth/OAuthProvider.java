package kr.salonmate.api.oauth;

import java.util.Locale;
import java.util.Optional;

/** The providers one can sign in with, as they appear in paths ({@code /v1/auth/oauth/google/…}). */
public enum OAuthProvider {
    GOOGLE, KAKAO;

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OAuthProvider> fromPath(String path) {
        for (OAuthProvider provider : values()) {
            if (provider.path().equals(path)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }
}
