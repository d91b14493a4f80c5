package kr.salonmate.messages.review;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Auto-publish left the draft answering {@code draftRequestId} for a person, for {@code reason}. Ignored when that
 * draft is no longer the one waiting for approval, and when its reason is recorded already.
 */
public record RecordAutoPublishHold(@TargetAggregateIdentifier ReviewId reviewId, UUID draftRequestId,
                                    AutoPublishHold reason) {
}
