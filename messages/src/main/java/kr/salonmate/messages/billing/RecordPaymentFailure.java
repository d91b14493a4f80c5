package kr.salonmate.messages.billing;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Toss refused order {@code orderId} ({@code code}/{@code message} are Toss's). For a renewal {@code lastAttempt}
 * says no retry follows: the shop falls back to FREE; otherwise {@code retryAt} is when the next attempt is due.
 */
public record RecordPaymentFailure(@TargetAggregateIdentifier BillingId billingId, String orderId, String code,
                                   String message, boolean lastAttempt,
                                   Instant retryAt) {
}
