package kr.salonmate.messages.review;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetryReplyPublish(@TargetAggregateIdentifier ReviewId reviewId, Actor requestedBy) {
}
