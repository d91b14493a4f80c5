package kr.salonmate.integration.toss;

import java.time.Instant;

/** A payment as Toss reports it ({@code status} {@code DONE}, {@code ABORTED}, {@code CANCELED}, …). */
public record TossPayment(String paymentKey, String orderId, String status, long totalAmount, Instant approvedAt) {

    public boolean done() {
        return "DONE".equals(status);
    }
}
