package kr.salonmate.command.post;

import kr.salonmate.messages.common.RuleViolation;
import kr.salonmate.messages.post.PostId;

/** A rule of one post was broken; {@link #postId()} says which post. Every one of them is a 409 CONFLICT. */
public abstract class PostRuleViolation extends RuleViolation {

    public static final String CODE = "CONFLICT";

    private final PostId postId;

    protected PostRuleViolation(PostId postId, String message) {
        super(CODE, message);
        this.postId = postId;
    }

    public PostId postId() {
        return postId;
    }
}
