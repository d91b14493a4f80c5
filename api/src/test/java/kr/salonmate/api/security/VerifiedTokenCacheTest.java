package kr.salonmate.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import kr.salonmate.api.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokenCacheTest {

    private static final Instant ISSUED = Instant.parse("2026-12-07T10:00:00Z");

    private final MovableClock clock = new MovableClock(ISSUED);
    private final AtomicInteger verifications = new AtomicInteger();

    /** Plays the signature check: "good-…" tokens verify (issued now, for 15 minutes), anything else is refused. */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(clock.instant()).expiresAt(clock.instant().plus(TokenService.ACCESS_TOKEN_TTL)).build();
    };

    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock);

    @Test
    void a_token_is_verified_once_and_then_answered_from_the_cache() {
        assertThat(cache.decode("good-1").getSubject()).isEqualTo("good-1");
        assertThat(cache.decode("good-1").getSubject()).isEqualTo("good-1");
        assertThat(cache.decode("good-1").getSubject()).isEqualTo("good-1");

        assertThat(verifications).hasValue(1);
    }

    @Test
    void a_refused_token_is_never_remembered() {
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_cached_token_stops_working_when_it_expires_like_an_uncached_one() {
        cache.decode("good-2");

        clock.set(ISSUED.plus(TokenService.ACCESS_TOKEN_TTL).plusSeconds(59)); // within the decoder's 60 s skew
        assertThat(cache.decode("good-2").getSubject()).isEqualTo("good-2");

        clock.set(ISSUED.plus(TokenService.ACCESS_TOKEN_TTL).plusSeconds(61));
        assertThatThrownBy(() -> cache.decode("good-2")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_full_cache_drops_expired_tokens_first() {
        cache.decode("good-old");
        clock.set(ISSUED.plus(Duration.ofHours(1)));
        for (int i = 0; cache.size() < VerifiedTokenCache.MAX_ENTRIES; i++) {
            cache.decode("good-" + i);
        }
        cache.decode("good-new");

        assertThat(cache.size()).isLessThanOrEqualTo(VerifiedTokenCache.MAX_ENTRIES);
        int before = verifications.get();
        cache.decode("good-new");
        assertThat(verifications).hasValue(before);
    }
}
