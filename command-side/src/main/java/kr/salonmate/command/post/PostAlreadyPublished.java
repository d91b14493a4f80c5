package kr.salonmate.command.post;

import kr.salonmate.messages.post.PostId;

/** A published post is final: it can no longer be edited, published again or cancelled. */
public class PostAlreadyPublished extends PostRuleViolation {

    public PostAlreadyPublished(PostId postId) {
        super(postId, "Post " + postId + " is already published on Instagram");
    }
}
