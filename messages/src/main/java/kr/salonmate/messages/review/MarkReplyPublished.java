package kr.salonmate.messages.review;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Google accepted the reply of approval {@code approvalId}. Repeating it changes nothing. */
public record MarkReplyPublished(@TargetAggregateIdentifier ReviewId reviewId, UUID approvalId) {
}
