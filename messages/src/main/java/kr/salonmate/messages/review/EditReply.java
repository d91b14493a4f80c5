package kr.salonmate.messages.review;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record EditReply(@TargetAggregateIdentifier ReviewId reviewId, String text, Actor editedBy,
                        @TargetAggregateVersion Long expectedVersion) {
}
