package kr.salonmate.command.post;

import kr.salonmate.messages.post.PostId;

/** While Instagram is publishing a post, nothing about it can change. */
public class PostIsBeingPublished extends PostRuleViolation {

    public PostIsBeingPublished(PostId postId) {
        super(postId, "Post " + postId + " is being published to Instagram right now");
    }
}
