package kr.salonmate.messages.post;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The scheduled time of publication {@code publicationId} has come. Refused if it is no longer the one due. */
public record BeginPostPublishing(@TargetAggregateIdentifier PostId postId, UUID publicationId) {
}
