package kr.salonmate.command.post;

import java.util.UUID;
import kr.salonmate.messages.post.PostId;

/** A scheduled publication that was cancelled, rescheduled or already started cannot start (again). */
public class PublicationNotDue extends PostRuleViolation {

    public PublicationNotDue(PostId postId, UUID publicationId) {
        super(postId, "Publication " + publicationId + " of post " + postId + " is not the one waiting to start");
    }
}
