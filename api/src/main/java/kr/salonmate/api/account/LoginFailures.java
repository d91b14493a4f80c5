package kr.salonmate.api.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.ratelimit.RateLimiter.RateLimitedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Failed logins per e-mail, whatever the IP and whichever node: five within 15 minutes refuse that e-mail with
 * {@code 429 RATE_LIMITED} until the oldest of them is 15 minutes old; a successful login clears them. The counts
 * live in PostgreSQL, so every node sees the same ones (a per-node count would give an attacker five tries per
 * node).
 */
@Repository
public class LoginFailures {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LoginFailures(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Serialises the logins of one e-mail until the transaction ends, so that parallel guesses cannot all pass
     * the check before any of them is counted.
     */
    void lock(String email) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null, "login:" + email);
    }

    /** Throws 429 while the e-mail has {@value #LIMIT} failures within the window. */
    void refuseIfLocked(String email) {
        Instant now = clock.instant();
        List<Instant> recent = jdbc.query("""
                        SELECT failed_at FROM login_failure WHERE email = ? AND failed_at > ?
                        ORDER BY failed_at DESC LIMIT ?""",
                (rs, i) -> rs.getTimestamp(1).toInstant(), email, Timestamp.from(now.minus(WINDOW)), LIMIT);
        if (recent.size() >= LIMIT) {
            Instant oldest = recent.get(recent.size() - 1);
            long retryAfter = Math.max(1, Duration.between(now, oldest.plus(WINDOW)).toSeconds() + 1);
            throw new RateLimitedException("Too many failed logins for this e-mail; try again in " + retryAfter
                    + " s", retryAfter, Map.of("scope", "LOGIN_FAILURES_PER_EMAIL", "limit", LIMIT));
        }
    }

    void recordFailure(String email) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM login_failure WHERE email = ? AND failed_at <= ?", email,
                Timestamp.from(now.minus(WINDOW)));
        jdbc.update("INSERT INTO login_failure (email, failed_at) VALUES (?, ?)", email, Timestamp.from(now));
    }

    void clear(String email) {
        jdbc.update("DELETE FROM login_failure WHERE email = ?", email);
    }
}
