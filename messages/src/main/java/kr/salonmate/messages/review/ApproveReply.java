package kr.salonmate.messages.review;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Approve exactly {@code text} for publishing (null: the current draft). */
public record ApproveReply(@TargetAggregateIdentifier ReviewId reviewId, String text, Actor approvedBy,
                           @TargetAggregateVersion Long expectedVersion) {
}
