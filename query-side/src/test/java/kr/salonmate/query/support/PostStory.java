package kr.salonmate.query.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.post.CaptionDraftFailed;
import kr.salonmate.messages.post.CaptionDraftRequested;
import kr.salonmate.messages.post.CaptionDrafted;
import kr.salonmate.messages.post.CaptionEdited;
import kr.salonmate.messages.post.InstagramContainerCreated;
import kr.salonmate.messages.post.PostCancelled;
import kr.salonmate.messages.post.PostCreated;
import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.post.PostPublishFailed;
import kr.salonmate.messages.post.PostPublished;
import kr.salonmate.messages.post.PostPublishingStarted;
import kr.salonmate.messages.post.PostScheduled;
import kr.salonmate.messages.review.TokenUsage;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * The events of one post, as its aggregate would emit them: each call is the next event with the next sequence
 * number and the post's current caption and publication filled in. Time moves one minute per event.
 */
public final class PostStory {

    public static final Actor STAFF = Actor.user(UUID.fromString("00000000-0000-0000-0000-0000000000c1"), "박스태프");

    private final ShopId shopId;
    private final PostId postId = PostId.random();
    private final List<UUID> mediaIds;
    private long sequence = -1;
    private Instant clock = Instant.parse("2026-11-20T00:00:00Z");
    private String caption = "";
    private List<String> hashtags = List.of();
    private UUID publicationId;
    private UUID draftRequestId;

    private PostStory(ShopId shopId, int photos) {
        this.shopId = shopId;
        this.mediaIds = java.util.stream.IntStream.range(0, photos).mapToObj(i -> UUID.randomUUID()).toList();
    }

    public static PostStory of(ShopId shopId, int photos) {
        return new PostStory(shopId, photos);
    }

    public PostId id() {
        return postId;
    }

    public List<UUID> mediaIds() {
        return mediaIds;
    }

    public PostStory at(Instant instant) {
        clock = instant;
        return this;
    }

    public DomainEventMessage<?> created(String brief) {
        draftRequestId = UUID.randomUUID();
        return next(new PostCreated(postId, shopId, mediaIds, brief, draftRequestId, STAFF, tick()));
    }

    public DomainEventMessage<?> draftRequested(String brief) {
        draftRequestId = UUID.randomUUID();
        return next(new CaptionDraftRequested(postId, shopId, draftRequestId, brief, mediaIds.size(), STAFF, tick()));
    }

    public DomainEventMessage<?> drafted(String text, List<String> tags) {
        caption = text;
        hashtags = tags;
        return next(new CaptionDrafted(postId, shopId, draftRequestId, text, tags, "gpt-4o", "caption-v1",
                new TokenUsage(10, 20), tick()));
    }

    public DomainEventMessage<?> draftFailed(String reason) {
        return next(new CaptionDraftFailed(postId, shopId, draftRequestId, reason, 3, tick()));
    }

    public DomainEventMessage<?> edited(String text, List<String> tags) {
        String previous = caption;
        caption = text;
        hashtags = tags;
        return next(new CaptionEdited(postId, shopId, text, tags, previous, STAFF, tick()));
    }

    public DomainEventMessage<?> scheduled(Instant at) {
        publicationId = UUID.randomUUID();
        return next(new PostScheduled(postId, shopId, publicationId, at, STAFF, tick()));
    }

    public DomainEventMessage<?> publishingStarted() {
        if (publicationId == null) {
            publicationId = UUID.randomUUID();
        }
        return next(new PostPublishingStarted(postId, shopId, publicationId, mediaIds, caption, hashtags, STAFF,
                tick()));
    }

    public DomainEventMessage<?> containerCreated(String containerId) {
        return next(new InstagramContainerCreated(postId, shopId, publicationId, containerId, tick()));
    }

    public DomainEventMessage<?> published(String mediaId, String permalink) {
        return next(new PostPublished(postId, shopId, publicationId, mediaId, permalink, tick()));
    }

    public DomainEventMessage<?> publishFailed(String code, String message) {
        DomainEventMessage<?> event = next(new PostPublishFailed(postId, shopId, publicationId, code, message, 2,
                tick()));
        publicationId = null;
        return event;
    }

    public DomainEventMessage<?> cancelled() {
        return next(new PostCancelled(postId, shopId, STAFF, tick()));
    }

    private Instant tick() {
        Instant now = clock;
        clock = clock.plus(Duration.ofMinutes(1));
        return now;
    }

    private DomainEventMessage<?> next(Object payload) {
        return new GenericDomainEventMessage<>("Post", postId.toString(), ++sequence, payload);
    }
}
