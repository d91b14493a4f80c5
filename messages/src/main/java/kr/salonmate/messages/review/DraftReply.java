package kr.salonmate.messages.review;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The model's answer to draft request {@code draftRequestId}. A draft for a superseded request is ignored.
 * {@code examples}: the reviews whose published replies the model was given as the shop's own voice.
 */
public record DraftReply(@TargetAggregateIdentifier ReviewId reviewId, UUID draftRequestId, String text, String model,
                         String promptVersion, TokenUsage tokenUsage, List<ReviewId> examples) {

    public DraftReply {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** A draft written without examples. */
    public DraftReply(ReviewId reviewId, UUID draftRequestId, String text, String model, String promptVersion,
                      TokenUsage tokenUsage) {
        this(reviewId, draftRequestId, text, model, promptVersion, tokenUsage, List.of());
    }
}
