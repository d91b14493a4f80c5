package kr.salonmate.messages.review;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The model's answer to draft request {@code draftRequestId}. A draft for a superseded request is ignored. */
public record DraftReply(@TargetAggregateIdentifier ReviewId reviewId, UUID draftRequestId, String text, String model,
                         String promptVersion, TokenUsage tokenUsage) {
}
