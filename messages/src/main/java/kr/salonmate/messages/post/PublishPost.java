package kr.salonmate.messages.post;

import java.time.Instant;
import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish now ({@code at} null or now), or at {@code at} when that is in the future (scheduled). */
public record PublishPost(@TargetAggregateIdentifier PostId postId, Instant at, Actor requestedBy) {
}
