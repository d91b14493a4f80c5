package kr.salonmate.api.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table mails wait in until {@link MailOutboxWorker} delivers them. A mail is queued in the transaction that
 * decided to send it, so it goes out exactly when that decision is committed, and the request never waits for
 * (or fails because of) the mail server.
 */
@Repository
public class MailOutbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public MailOutbox(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Queues a mail; must run inside the transaction that decided it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(MailMessage mail) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, link, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                id, mail.to(), mail.subject(), mail.text(), mail.html(), mail.link(), now, now);
        events.publishEvent(new MailQueued(id));
        return id;
    }

    /** Published when a mail was queued; the worker delivers it as soon as the transaction commits. */
    public record MailQueued(UUID id) {
    }

    record Queued(UUID id, MailMessage mail, int attempts) {
    }

    /**
     * The next mail that is due, locked for this transaction. Rows another node is sending are skipped, not
     * waited for, so two nodes on one database share the work and never send one mail twice.
     */
    Optional<Queued> claimNext(Instant now) {
        return jdbc.query("""
                        SELECT id, recipient, subject, text_body, html_body, link, attempts FROM mail_outbox
                        WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ?
                        ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (rs, i) -> new Queued(rs.getObject(1, UUID.class), new MailMessage(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)), rs.getInt(7)),
                Timestamp.from(now)).stream().findFirst();
    }

    /** Sent: the bodies and the link (which hold a one-time token) are not kept. */
    void markSent(UUID id, Instant at) {
        jdbc.update("""
                UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL,
                    text_body = '', html_body = '', link = '' WHERE id = ?""", Timestamp.from(at), id);
    }

    void markFailed(UUID id, String error, Instant nextAttempt) {
        jdbc.update("UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                truncate(error), Timestamp.from(nextAttempt), id);
    }

    /** No more attempts: kept for the operator (docs/operations.md), the bodies dropped like a sent mail's. */
    void giveUp(UUID id, String error, Instant at) {
        jdbc.update("""
                UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, given_up_at = ?,
                    text_body = '', html_body = '', link = '' WHERE id = ?""", truncate(error), Timestamp.from(at), id);
    }

    private static String truncate(String error) {
        return error == null ? null : error.length() <= 500 ? error : error.substring(0, 500);
    }
}
