package kr.salonmate.messages.review;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkReplyDraftFailed(@TargetAggregateIdentifier ReviewId reviewId, UUID draftRequestId, String reason,
                                   int attempts) {
}
