package kr.salonmate.api.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * The signed-in caller of an endpoint under {@code /v1/auth/}. Security ignores bearer tokens there on purpose (an
 * expired access token sent along must not block login or refresh), so the few auth endpoints that need a caller
 * (logout everywhere, resend the verification mail) check the token here, with the application's own decoder:
 * the same RS256-only rules as everywhere else.
 */
@Component
public class SignedInCaller {

    private final JwtDecoder decoder;

    public SignedInCaller(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    public UUID id(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw unauthenticated();
        }
        try {
            return CurrentUser.of(decoder.decode(header.substring(7).trim())).id();
        } catch (JwtException | IllegalArgumentException e) {
            throw unauthenticated();
        }
    }

    private static ApiException unauthenticated() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                "Sign in first: the access token is missing, expired or not valid");
    }
}
