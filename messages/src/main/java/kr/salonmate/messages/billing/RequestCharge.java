package kr.salonmate.messages.billing;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records, before Toss is called, that period {@code periodStart}–{@code periodEnd} is being charged as
 * {@code orderId}: from then on a webhook or a retry about that order is recognised, and whatever happens to the
 * call the period is charged under that one order id. {@code renewal} is false for the first charge at subscribe,
 * which also names the customer, the vault reference of the billing key just issued (never the key) and the card.
 */
public record RequestCharge(@TargetAggregateIdentifier BillingId billingId, ShopId shopId, String zone,
                            String orderId, long amount, Instant periodStart, Instant periodEnd, int attempt,
                            boolean renewal, String customerKey, String billingKeyRef, Card card) {

    public record Card(String company, String last4) {
    }
}
