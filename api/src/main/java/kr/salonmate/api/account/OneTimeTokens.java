package kr.salonmate.api.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.security.SecretTokens;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tokens in mail links (verify an e-mail, reset a password): 256 random bits, handed out once and kept only as
 * their SHA-256, so a copy of the database lets nobody follow a link. Each is good for one use before it expires.
 */
@Repository
public class OneTimeTokens {

    public enum Purpose {
        VERIFY_EMAIL, RESET_PASSWORD
    }

    /** Whose token it was and the address it was mailed to. */
    public record Redeemed(UUID userId, String email) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public OneTimeTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for the link in a mail to {@code email}; the caller mails it and forgets it. */
    public String issue(UUID userId, String email, Purpose purpose, Duration validFor) {
        String token = newToken();
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO one_time_token (token_hash, purpose, user_id, email, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                SecretTokens.hash(token), purpose.name(), userId, email, Timestamp.from(now), Timestamp.from(now.plus(validFor)));
        return token;
    }

    /**
     * Uses the token up, together with every other unused token of the same user and purpose (an older link must
     * not work after a newer one did). A token that is unknown, used or expired is {@code 410 GONE}; two requests
     * racing with one token get one success.
     */
    public Redeemed redeem(String token, Purpose purpose) {
        String hash = SecretTokens.hash(token);
        Timestamp now = Timestamp.from(clock.instant());
        List<Redeemed> used = jdbc.query("""
                        UPDATE one_time_token SET used_at = ?
                        WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
                        RETURNING user_id, email""",
                (rs, i) -> new Redeemed(rs.getObject(1, UUID.class), rs.getString(2)),
                now, hash, purpose.name(), now);
        if (used.isEmpty()) {
            throw gone(reasonWhy(hash, purpose));
        }
        Redeemed redeemed = used.get(0);
        jdbc.update("UPDATE one_time_token SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL",
                now, redeemed.userId(), purpose.name());
        return redeemed;
    }

    private String reasonWhy(String hash, Purpose purpose) {
        List<String> reasons = jdbc.query(
                "SELECT CASE WHEN used_at IS NOT NULL THEN 'USED' ELSE 'EXPIRED' END FROM one_time_token "
                        + "WHERE token_hash = ? AND purpose = ?", (rs, i) -> rs.getString(1), hash, purpose.name());
        return reasons.isEmpty() ? "UNKNOWN" : reasons.get(0);
    }

    private static ApiException gone(String reason) {
        return new ApiException(HttpStatus.GONE, "GONE",
                "This link is not valid any more: it was used, it expired, or it never existed; ask for a new one",
                Map.of("reason", reason));
    }

    String newToken() {
        return SecretTokens.newToken();
    }
}
