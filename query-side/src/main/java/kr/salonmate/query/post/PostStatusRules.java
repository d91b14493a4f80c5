package kr.salonmate.query.post;

import kr.salonmate.messages.post.CaptionDraftFailed;
import kr.salonmate.messages.post.CaptionDraftRequested;
import kr.salonmate.messages.post.CaptionDrafted;
import kr.salonmate.messages.post.CaptionEdited;
import kr.salonmate.messages.post.InstagramContainerCreated;
import kr.salonmate.messages.post.PostCancelled;
import kr.salonmate.messages.post.PostCreated;
import kr.salonmate.messages.post.PostPublishFailed;
import kr.salonmate.messages.post.PostPublished;
import kr.salonmate.messages.post.PostPublishingStarted;
import kr.salonmate.messages.post.PostScheduled;
import kr.salonmate.messages.post.PostStatus;

/**
 * A post's status after one of its events, as the Post aggregate decides it. The posts list and the dashboard
 * both follow these rules so that their counts and lists agree.
 */
public final class PostStatusRules {

    private PostStatusRules() {
    }

    /** @param current the status before the event (null before {@link PostCreated}) */
    public static PostStatus after(Object event, PostStatus current) {
        if (event instanceof PostCreated || event instanceof CaptionDraftRequested) {
            return PostStatus.DRAFTING;
        }
        if (event instanceof CaptionDrafted || event instanceof CaptionDraftFailed) {
            return PostStatus.READY;
        }
        if (event instanceof CaptionEdited) {
            return current == PostStatus.SCHEDULED ? PostStatus.SCHEDULED : PostStatus.READY;
        }
        if (event instanceof PostScheduled) {
            return PostStatus.SCHEDULED;
        }
        if (event instanceof PostPublishingStarted || event instanceof InstagramContainerCreated) {
            return PostStatus.PUBLISHING;
        }
        if (event instanceof PostPublished) {
            return PostStatus.PUBLISHED;
        }
        if (event instanceof PostPublishFailed) {
            return PostStatus.PUBLISH_FAILED;
        }
        if (event instanceof PostCancelled) {
            return PostStatus.CANCELLED;
        }
        throw new IllegalArgumentException("Not a post event: " + event.getClass().getName());
    }
}
