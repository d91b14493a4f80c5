package kr.salonmate.command.post;

import kr.salonmate.messages.post.PostId;

/** A cancelled post stays cancelled: create a new post instead. */
public class PostIsCancelled extends PostRuleViolation {

    public PostIsCancelled(PostId postId) {
        super(postId, "Post " + postId + " was cancelled; create a new post instead");
    }
}
