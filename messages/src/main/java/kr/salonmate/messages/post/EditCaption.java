package kr.salonmate.messages.post;

import java.util.List;
import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A person sets the caption and hashtags (without {@code #}; a leading one is dropped). {@code mayEditScheduled}:
 * whether that person may change a post that is already scheduled (a MANAGER or OWNER approved exactly that text
 * when scheduling it; docs/decisions/0016-staff-edits-of-scheduled-posts.md).
 */
public record EditCaption(@TargetAggregateIdentifier PostId postId, String caption, List<String> hashtags,
                          Actor editedBy, @TargetAggregateVersion Long expectedVersion, boolean mayEditScheduled) {

    /** An edit by someone who may also change a scheduled post. */
    public EditCaption(PostId postId, String caption, List<String> hashtags, Actor editedBy, Long expectedVersion) {
        this(postId, caption, hashtags, editedBy, expectedVersion, true);
    }
}
