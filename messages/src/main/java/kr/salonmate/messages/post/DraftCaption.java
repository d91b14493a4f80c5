package kr.salonmate.messages.post;

import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.review.TokenUsage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The model's caption for draft request {@code draftRequestId}; a draft for a superseded request is ignored. */
public record DraftCaption(@TargetAggregateIdentifier PostId postId, UUID draftRequestId, String caption,
                           List<String> hashtags, String model, String promptVersion, TokenUsage tokenUsage) {
}
