package kr.salonmate.api.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Access tokens whose signature has been checked once, by their text, until they expire.
 *
 * <p>Why: a dashboard sends the same access token with every request for its 15 minutes, and checking its RS256
 * signature again each time (with the JSON parse around it) was about a tenth of a request's CPU (docs/benchmarks.md,
 * "Read API"). Only tokens the real decoder accepted enter; a hit is checked for expiry again, with the same
 * validator and clock skew the decoder uses, so a token stops working at exactly the same moment as without the
 * cache. Access tokens are not revocable before they expire anyway (logging out ends the refresh token, ADR 15 and
 * docs/accounts.md), so the cache changes no answer. Bounded: when full, expired entries go, then everything.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final int MAX_ENTRIES = 20_000;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        JwtTimestampValidator validator = new JwtTimestampValidator();
        validator.setClock(clock);
        this.timestamps = validator;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            var result = timestamps.validate(known);
            if (result.hasErrors()) {
                verified.remove(token);
                throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                        + result.getErrors().iterator().next().getDescription(), result.getErrors());
            }
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (verified.size() >= MAX_ENTRIES) {
            evictExpired();
        }
        verified.put(token, jwt);
        return jwt;
    }

    private void evictExpired() {
        Instant now = clock.instant();
        verified.values().removeIf(jwt -> jwt.getExpiresAt() == null || jwt.getExpiresAt().isBefore(now));
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
    }

    int size() {
        return verified.size();
    }
}
