package kr.salonmate.command.post;

import kr.salonmate.messages.post.PostId;

/** A scheduled post keeps the caption it was scheduled with until someone edits it: no AI redraft meanwhile. */
public class PostIsScheduled extends PostRuleViolation {

    public PostIsScheduled(PostId postId) {
        super(postId, "Post " + postId + " is scheduled; edit its caption instead of asking for a new draft");
    }
}
