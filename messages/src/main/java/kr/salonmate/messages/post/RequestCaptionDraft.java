package kr.salonmate.messages.post;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask for a (new) AI caption; {@code brief} null keeps the post's brief. */
public record RequestCaptionDraft(@TargetAggregateIdentifier PostId postId, String brief, Actor requestedBy) {
}
