package kr.salonmate.api.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the {@link MailOutbox}: right after a mail is committed, and every {@code poll-interval} for mails that
 * are due again. Each mail is sent inside its own transaction holding its row lock; a failed attempt is tried
 * again after a growing wait ({@code initial-backoff}, doubling up to {@code max-backoff}) and given up after
 * {@code max-attempts}. A node that dies while sending rolls back, so the mail is sent again later: at least once.
 */
public class MailOutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxWorker.class);
    /** Bounds one drain, so a large backlog does not keep the thread from noticing a stop. */
    private static final int MAX_PER_DRAIN = 200;

    private final MailOutbox outbox;
    private final MailDelivery delivery;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Retry retry;
    private final Duration pollInterval;
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    /** How failed attempts are retried. */
    public record Retry(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {

        Duration after(int attempts) {
            Duration wait = initialBackoff;
            for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }

    public MailOutboxWorker(MailOutbox outbox, MailDelivery delivery, TransactionTemplate transactions, Clock clock,
                            Retry retry, Duration pollInterval) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.transactions = transactions;
        this.clock = clock;
        this.retry = retry;
        this.pollInterval = pollInterval;
    }

    /** Right after the transaction that queued a mail commits (never before: the row would not be visible yet). */
    @TransactionalEventListener
    public void onQueued(MailOutbox.MailQueued queued) {
        wake();
    }

    /** Asks for a drain soon; several asks while one is pending make one drain. */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && drainPending.compareAndSet(false, true)) {
            running.execute(this::drainSafely);
        }
    }

    /** Sends every mail that is due now; returns how many were attempted. Safe to call from several threads. */
    public int drain() {
        int attempted = 0;
        while (attempted < MAX_PER_DRAIN && Boolean.TRUE.equals(transactions.execute(status -> deliverNext()))) {
            attempted++;
        }
        return attempted;
    }

    private boolean deliverNext() {
        var next = outbox.claimNext(clock.instant());
        if (next.isEmpty()) {
            return false;
        }
        MailOutbox.Queued mail = next.get();
        try {
            delivery.deliver(mail.id(), mail.mail());
            outbox.markSent(mail.id(), clock.instant());
        } catch (Exception e) {
            int attempts = mail.attempts() + 1;
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            Instant now = clock.instant();
            if (attempts >= retry.maxAttempts()) {
                log.error("Mail {} could not be sent after {} attempts; giving up: {}", mail.id(), attempts, error);
                outbox.giveUp(mail.id(), error, now);
            } else {
                Duration wait = retry.after(attempts);
                log.warn("Mail {} could not be sent (attempt {}), trying again in {}: {}", mail.id(), attempts,
                        wait, error);
                outbox.markFailed(mail.id(), error, now.plus(wait));
            }
        }
        return true;
    }

    private void drainSafely() {
        drainPending.set(false);
        try {
            drain();
        } catch (RuntimeException e) {
            // the database may be away for a while: the next poll tries again
            log.warn("Mail outbox could not be drained: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mail-outbox");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, pollInterval.toMillis());
        started.scheduleWithFixedDelay(this::drainSafely, period, period, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
