package kr.salonmate.messages.review;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * While publishing approval {@code approvalId}, Google already showed a reply SalonMate did not write. It is
 * recorded, and never overwritten.
 */
public record RecordReplyAtSource(@TargetAggregateIdentifier ReviewId reviewId, UUID approvalId, SourceReply reply) {
}
