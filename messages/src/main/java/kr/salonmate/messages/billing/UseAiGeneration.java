package kr.salonmate.messages.billing;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes one AI generation of the shop's current period before it is asked of the model. {@code purpose} is
 * {@code REPLY} or {@code CAPTION}; {@code subjectId} the review or post. Answers {@code true} when taken. With the
 * quota used up an on-demand request ({@code automatic == false}) is refused with {@code QuotaExceeded}; an
 * automatic one answers {@code false} and the review waits ({@code AutoDraftPaused}) until the plan allows again.
 * {@code zone} is the shop's time zone (the FREE plan's month is a calendar month there); {@code subjectCreatedAt}
 * orders the waiting reviews, oldest first.
 */
public record UseAiGeneration(@TargetAggregateIdentifier BillingId billingId, ShopId shopId, String zone,
                              String purpose, UUID subjectId, boolean automatic, Instant subjectCreatedAt) {
}
