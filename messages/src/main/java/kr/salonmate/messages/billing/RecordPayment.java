package kr.salonmate.messages.billing;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Toss says order {@code orderId} is paid ({@code DONE}): from the charge's own answer or from a webhook after the
 * payment was read again from Toss. An order that is not the one being charged, is paid already, or is of another
 * amount changes nothing.
 */
public record RecordPayment(@TargetAggregateIdentifier BillingId billingId, String orderId, String paymentKey,
                            long amount, Instant approvedAt) {
}
