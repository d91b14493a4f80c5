package kr.salonmate.messages.billing;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelSubscription(@TargetAggregateIdentifier BillingId billingId, Actor cancelledBy) {
}
