package kr.salonmate.messages.billing;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Toss says order {@code orderId} is paid ({@code DONE}). For the first charge {@code card} names the card and
 * {@code billingKeyRef} the vault entry of its billing key (the key itself never travels in a message). An order
 * that is not the one being charged, or is paid already, changes nothing.
 */
public record RecordPayment(@TargetAggregateIdentifier BillingId billingId, String orderId, String paymentKey,
                            long amount, Instant approvedAt, String customerKey, String billingKeyRef, Card card) {

    public record Card(String company, String last4) {
    }
}
