package kr.salonmate.messages.post;

import java.util.List;
import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A person sets the caption and hashtags (without {@code #}; a leading one is dropped). */
public record EditCaption(@TargetAggregateIdentifier PostId postId, String caption, List<String> hashtags,
                          Actor editedBy, @TargetAggregateVersion Long expectedVersion) {
}
