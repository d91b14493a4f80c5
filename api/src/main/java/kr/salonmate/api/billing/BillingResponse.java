package kr.salonmate.api.billing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** The Billing of API.md: plan, status, the month's AI quota and use, the period, the card and the charges. */
public record BillingResponse(String plan, String status, int aiQuota, int aiUsed, Instant periodStart,
                              Instant periodEnd, Instant nextChargeAt, Card card, List<Payment> payments) {

    public record Card(String company, String last4) {
    }

    public record Payment(String orderId, long amount, String status, Instant at,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Failure failure) {
    }

    public record Failure(String code, String message) {
    }
}
