package kr.salonmate.messages.post;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Instagram created media container {@code containerId} for publication {@code publicationId} (not yet published). */
public record RecordInstagramContainer(@TargetAggregateIdentifier PostId postId, UUID publicationId,
                                       String containerId) {
}
