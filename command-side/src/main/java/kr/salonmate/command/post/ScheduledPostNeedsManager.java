package kr.salonmate.command.post;

import kr.salonmate.messages.common.RuleViolation;
import kr.salonmate.messages.post.PostId;

/**
 * A scheduled post's caption is what a MANAGER or OWNER approved for publishing; someone who may not schedule
 * may not change it either (403 FORBIDDEN). docs/decisions/0016-staff-edits-of-scheduled-posts.md
 */
public class ScheduledPostNeedsManager extends RuleViolation {

    public ScheduledPostNeedsManager(PostId postId) {
        super("FORBIDDEN", "Post " + postId + " is scheduled: only a manager or the owner may change it now");
    }
}
