package kr.salonmate.integration.toss;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges one order so that it is paid at most once whatever goes wrong on the way. The order id is fixed per shop
 * and period and doubles as Toss's {@code Idempotency-Key}; when Toss does not answer (5xx, timeout, the connection
 * dropped after it charged) we first ask Toss whether the order is paid, and only then send the very same request
 * again, which Toss answers with the first outcome instead of charging twice ({@code ALREADY_PROCESSED_PAYMENT} is
 * read as "look it up"). A few quick tries; then the outcome is {@link Outcome.Unknown} and the caller tries later.
 */
public class Charging {

    static final int TRIES = 3;
    private static final Logger log = LoggerFactory.getLogger(Charging.class);

    private final TossPayments toss;
    private final long pauseMillis;

    public Charging(TossPayments toss) {
        this(toss, 300);
    }

    Charging(TossPayments toss, long pauseMillis) {
        this.toss = toss;
        this.pauseMillis = pauseMillis;
    }

    public sealed interface Outcome {
        record Paid(TossPayment payment) implements Outcome {
        }

        record Declined(String code, String message) implements Outcome {
        }

        record Unknown(String problem) implements Outcome {
        }
    }

    public Outcome charge(String billingKey, String customerKey, long amount, String orderId, String orderName) {
        String problem = "not tried";
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            if (attempt > 1) {
                Outcome known = lookUp(orderId);
                if (known != null) {
                    return known;
                }
                pause();
            }
            try {
                TossPayment payment = toss.charge(billingKey, customerKey, amount, orderId, orderName);
                if (payment.done()) {
                    return new Outcome.Paid(payment);
                }
                return new Outcome.Declined(payment.status(), "Toss answered the charge with status "
                        + payment.status());
            } catch (TossRejected rejected) {
                if ("ALREADY_PROCESSED_PAYMENT".equals(rejected.code())) {
                    Outcome known = lookUp(orderId);
                    if (known != null) {
                        return known;
                    }
                    problem = "Toss says order " + orderId + " was processed but does not show it";
                    continue;
                }
                return new Outcome.Declined(rejected.code(), rejected.getMessage());
            } catch (TossUnavailable unavailable) {
                problem = unavailable.getMessage();
                log.warn("Charging order {} (try {}/{}): {}", orderId, attempt, TRIES, problem);
            }
        }
        Outcome known = lookUp(orderId);
        return known != null ? known : new Outcome.Unknown(problem);
    }

    /** Paid when Toss shows the order as DONE; null when it has none (or could not say). */
    private Outcome lookUp(String orderId) {
        try {
            TossPayment payment = toss.paymentByOrder(orderId);
            return payment.done() ? new Outcome.Paid(payment) : null;
        } catch (TossRejected | TossUnavailable e) {
            return null;
        }
    }

    private void pause() {
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
