package kr.salonmate.messages.review;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publishing approval {@code approvalId} failed for good after {@code attempts} attempts. */
public record MarkReplyPublishFailed(@TargetAggregateIdentifier ReviewId reviewId, UUID approvalId, String code,
                                     String message, int attempts) {
}
