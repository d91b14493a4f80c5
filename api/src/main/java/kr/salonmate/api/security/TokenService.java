package kr.salonmate.api.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.salonmate.api.account.UserAccount;
import kr.salonmate.api.error.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues access tokens (RS256 JWT, 15 minutes) and rotating refresh tokens (opaque, 7 days, stored only as a
 * SHA-256 hash). Each login starts a token family; presenting a refresh token that was already used revokes
 * the whole family, because one of the two holders is not the user. Every token of a family carries the start of
 * its login, and no refresh reaches past {@code SALONMATE_SESSION_MAX_AGE} after it.
 */
@Service
public class TokenService {

    public static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(15);
    public static final Duration REFRESH_TOKEN_TTL = Duration.ofDays(7);

    private final JwtEncoder encoder;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Set<String> adminEmails;
    private final Duration sessionMaxAge;

    public TokenService(JwtEncoder encoder, JdbcTemplate jdbc, Clock clock,
                        @Value("${salonmate.admin-emails:}") List<String> adminEmails,
                        @Value("${salonmate.session.max-age:P30D}") Duration sessionMaxAge) {
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.clock = clock;
        this.sessionMaxAge = sessionMaxAge;
        this.adminEmails = adminEmails.stream().map(e -> e.trim().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty()).collect(Collectors.toSet());
    }

    public record Tokens(String accessToken, String refreshToken, long expiresIn) {
    }

    @Transactional
    public Tokens startSession(UserAccount user) {
        return issue(user, UUID.randomUUID(), clock.instant());
    }

    /** Rotates a refresh token; returns the user it belongs to with a fresh pair. */
    @Transactional(noRollbackFor = ApiException.class)
    public Tokens refresh(String refreshToken, java.util.function.Function<UUID, UserAccount> users) {
        String hash = SecretTokens.hash(refreshToken);
        List<Object[]> rows = jdbc.query("""
                        SELECT user_id, family_id, expires_at, used_at, revoked_at, session_started_at
                        FROM refresh_token WHERE token_hash = ? FOR UPDATE""",
                (rs, i) -> new Object[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4), rs.getTimestamp(5),
                        rs.getTimestamp(6).toInstant()}, hash);
        if (rows.isEmpty()) {
            throw unauthenticated();
        }
        Object[] row = rows.get(0);
        UUID userId = (UUID) row[0];
        UUID family = (UUID) row[1];
        Instant now = clock.instant();
        if (row[3] != null || row[4] != null) {
            // a used or revoked token came back: whoever holds the family is not to be trusted any more
            jdbc.update("UPDATE refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
                    Timestamp.from(now), family);
            throw unauthenticated();
        }
        Instant sessionStarted = (Instant) row[5];
        if (!now.isBefore(sessionStarted.plus(sessionMaxAge))) {
            // the login has reached its absolute end: it is over, whoever holds it
            jdbc.update("UPDATE refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
                    Timestamp.from(now), family);
            throw unauthenticated();
        }
        if (((Instant) row[2]).isBefore(now)) {
            throw unauthenticated();
        }
        jdbc.update("UPDATE refresh_token SET used_at = ? WHERE token_hash = ?", Timestamp.from(now), hash);
        return issue(users.apply(userId), family, sessionStarted);
    }

    /** Ends every login of the user (logout everywhere, a password reset): all their refresh tokens stop working. */
    @Transactional
    public int revokeAll(UUID userId) {
        return jdbc.update("UPDATE refresh_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), userId);
    }

    @Transactional
    public void logout(String refreshToken) {
        jdbc.update("""
                UPDATE refresh_token SET revoked_at = ? WHERE revoked_at IS NULL AND family_id =
                    (SELECT family_id FROM refresh_token WHERE token_hash = ?)""",
                Timestamp.from(clock.instant()), SecretTokens.hash(refreshToken));
    }

    /**
     * Platform operators: a listed e-mail is not enough, it must be verified, or anyone registering a listed
     * address first would be an operator.
     */
    public boolean isAdmin(UserAccount user) {
        return user.emailVerified() && adminEmails.contains(user.email().toLowerCase(Locale.ROOT));
    }

    private Tokens issue(UserAccount user, UUID family, Instant sessionStarted) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("salonmate")
                .subject(user.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ACCESS_TOKEN_TTL))
                .id(UUID.randomUUID().toString())
                .claim("email", user.email())
                .claim("name", user.name())
                .claim("admin", isAdmin(user))
                .build();
        String access = encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
        String refresh = SecretTokens.newToken();
        Instant sessionEnd = sessionStarted.plus(sessionMaxAge);
        Instant expires = now.plus(REFRESH_TOKEN_TTL).isAfter(sessionEnd) ? sessionEnd : now.plus(REFRESH_TOKEN_TTL);
        jdbc.update("""
                        INSERT INTO refresh_token (token_hash, user_id, family_id, created_at, expires_at,
                                                   session_started_at)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                SecretTokens.hash(refresh), user.id(), family, Timestamp.from(now), Timestamp.from(expires),
                Timestamp.from(sessionStarted));
        return new Tokens(access, refresh, ACCESS_TOKEN_TTL.toSeconds());
    }

    private static ApiException unauthenticated() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "The refresh token is not valid");
    }
}
