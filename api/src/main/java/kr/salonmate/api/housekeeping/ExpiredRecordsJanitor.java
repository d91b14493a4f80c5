package kr.salonmate.api.housekeeping;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.salonmate.api.config.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes what can never be used again, every {@code salonmate.housekeeping.interval} (1 h):
 * <ul>
 *   <li>idempotency records older than their 24 h (API.md: a key is remembered 24 h);</li>
 *   <li>refresh tokens expired more than {@code salonmate.housekeeping.grace} (7 days) ago — used ones that have
 *   not expired stay, since presenting one again must still end that whole login;</li>
 *   <li>one-time tokens (e-mail verification, password reset) used or expired more than the grace ago;</li>
 *   <li>invitations accepted, revoked or expired more than the grace ago (the membership history keeps what
 *   happened).</li>
 * </ul>
 * Until then a used or expired token still answers {@code 410 GONE} with its reason; afterwards it is unknown, which
 * is {@code 410 GONE} too. No lock across nodes (no ShedLock): each pass is a set of {@code DELETE … WHERE} on
 * conditions that only ever become true, so every node may run it at any time — two passes at once delete each
 * row once between them, a pass that dies halfway is finished by the next. Rows go in batches, so a long backlog
 * never holds many locks or one long transaction.
 */
@Component
public class ExpiredRecordsJanitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredRecordsJanitor.class);
    static final Duration IDEMPOTENCY_RETENTION = Duration.ofHours(24);
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration grace;
    private final PeriodicTask task;

    public ExpiredRecordsJanitor(JdbcTemplate jdbc, Clock clock,
                                 @Value("${salonmate.housekeeping.interval:PT1H}") Duration interval,
                                 @Value("${salonmate.housekeeping.grace:P7D}") Duration grace) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.grace = grace;
        long seconds = Math.max(1, interval.toSeconds());
        this.task = new PeriodicTask("expired-records-janitor", Duration.ofSeconds(Math.min(seconds, 60)), interval,
                this::cleanUp);
    }

    /** One pass; returns how many rows each table lost. */
    public Map<String, Integer> cleanUp() {
        Instant now = clock.instant();
        Timestamp idempotencyBefore = Timestamp.from(now.minus(IDEMPOTENCY_RETENTION));
        Timestamp graceBefore = Timestamp.from(now.minus(grace));
        Map<String, Integer> removed = new LinkedHashMap<>();
        removed.put("idempotency_record", delete("idempotency_record", "created_at < ?", idempotencyBefore));
        removed.put("refresh_token", delete("refresh_token", "expires_at < ?", graceBefore));
        removed.put("one_time_token", delete("one_time_token", "(used_at < ? OR expires_at < ?)", graceBefore,
                graceBefore));
        removed.put("shop_invitation", delete("shop_invitation",
                "(accepted_at < ? OR revoked_at < ? OR expires_at < ?)", graceBefore, graceBefore, graceBefore));
        if (removed.values().stream().anyMatch(n -> n > 0)) {
            log.info("Removed expired and used records: {}", removed);
        }
        return removed;
    }

    private int delete(String table, String condition, Object... arguments) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("DELETE FROM " + table + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + table
                    + " WHERE " + condition + " LIMIT " + BATCH + "))", arguments);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    @Override
    public void start() {
        task.start();
    }

    @Override
    public void stop() {
        task.stop();
    }

    @Override
    public boolean isRunning() {
        return task.isRunning();
    }
}
