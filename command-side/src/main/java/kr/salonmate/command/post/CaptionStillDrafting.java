package kr.salonmate.command.post;

import kr.salonmate.messages.post.PostId;

/** A post is published with a caption someone could read first: not while the AI is still drafting it. */
public class CaptionStillDrafting extends PostRuleViolation {

    public CaptionStillDrafting(PostId postId) {
        super(postId, "The caption of post " + postId + " is still being drafted; wait for it or write the caption");
    }
}
