package kr.salonmate.messages.review;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask for a (new) AI draft, optionally with an instruction such as "shorter". */
public record RequestReplyDraft(@TargetAggregateIdentifier ReviewId reviewId, String instruction, Actor requestedBy) {
}
