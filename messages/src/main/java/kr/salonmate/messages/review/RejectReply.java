package kr.salonmate.messages.review;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectReply(@TargetAggregateIdentifier ReviewId reviewId, String reason, Actor rejectedBy) {
}
