package kr.salonmate.command.post;

import java.util.UUID;
import kr.salonmate.messages.post.PostId;

/** News about a publication that is no longer the one being published. */
public class StalePublication extends PostRuleViolation {

    public StalePublication(PostId postId, UUID publicationId) {
        super(postId, "Publication " + publicationId + " of post " + postId + " is not being published");
    }
}
