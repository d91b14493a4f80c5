package kr.salonmate.messages.post;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Instagram published publication {@code publicationId}; {@code permalink} may be unknown (null). */
public record MarkPostPublished(@TargetAggregateIdentifier PostId postId, UUID publicationId, String instagramMediaId,
                                String permalink) {
}
