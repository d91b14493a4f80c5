package kr.salonmate.messages.billing;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives back a generation taken for {@code subjectId} whose request was then refused (nothing was generated). */
public record ReturnAiGeneration(@TargetAggregateIdentifier BillingId billingId, UUID subjectId) {
}
