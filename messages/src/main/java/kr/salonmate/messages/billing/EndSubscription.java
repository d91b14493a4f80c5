package kr.salonmate.messages.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The end of a cancelled subscription's last period. */
public record EndSubscription(@TargetAggregateIdentifier BillingId billingId) {
}
