package kr.salonmate.messages.post;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkCaptionDraftFailed(@TargetAggregateIdentifier PostId postId, UUID draftRequestId, String reason,
                                     int attempts) {
}
