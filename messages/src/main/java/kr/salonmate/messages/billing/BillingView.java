package kr.salonmate.messages.billing;

import java.time.Instant;
import java.util.List;

/**
 * The billing read model of one shop as it stands after its last event: the period is not rolled forward and
 * {@code aiQuota} is not known here (the api module fills in the plan's quota from its settings).
 */
public record BillingView(Plan plan, SubscriptionStatus status, String zone, int aiQuota, int aiUsed,
                          Instant periodStart, Instant periodEnd, Instant nextChargeAt, String cardCompany,
                          String cardLast4, boolean quotaExceeded, List<Payment> payments) {

    public record Payment(String orderId, long amount, String status, Instant at, String failureCode,
                          String failureMessage) {
    }
}
