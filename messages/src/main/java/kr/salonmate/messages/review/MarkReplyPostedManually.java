package kr.salonmate.messages.review;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A person copied the approved reply into a source that has no reply API (Naver) and says it is there now.
 * Repeating it changes nothing.
 */
public record MarkReplyPostedManually(@TargetAggregateIdentifier ReviewId reviewId, Actor postedBy) {
}
