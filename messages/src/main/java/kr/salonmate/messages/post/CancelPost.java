package kr.salonmate.messages.post;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelPost(@TargetAggregateIdentifier PostId postId, Actor cancelledBy) {
}
