package kr.salonmate.messages.post;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publication {@code publicationId} failed for good after {@code attempts} attempts; {@code message} is for the owner. */
public record MarkPostPublishFailed(@TargetAggregateIdentifier PostId postId, UUID publicationId, String code,
                                    String message, int attempts) {
}
