package kr.salonmate.query.post;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.post.CaptionDraftFailed;
import kr.salonmate.messages.post.CaptionDraftRequested;
import kr.salonmate.messages.post.CaptionDrafted;
import kr.salonmate.messages.post.CaptionEdited;
import kr.salonmate.messages.post.PostCancelled;
import kr.salonmate.messages.post.PostCreated;
import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.post.PostPublishFailed;
import kr.salonmate.messages.post.PostPublished;
import kr.salonmate.messages.post.PostPublishingStarted;
import kr.salonmate.messages.post.PostScheduled;
import kr.salonmate.messages.post.PostStatus;
import kr.salonmate.messages.post.PostView;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.ReadModelRow;

/**
 * One post, as {@link PostView} shows it. Each event changes it through the method named after it; {@code version}
 * is the sequence number of the last event applied.
 */
@Entity
@Table(name = "post_view")
public class PostRow extends ReadModelRow {

    /** The failure code of a caption that could not be drafted (publishing failures carry their own codes). */
    public static final String CAPTION_DRAFT_FAILED = "CAPTION_DRAFT_FAILED";

    @Id
    @Column(name = "id")
    private UUID id;
    @Column(name = "shop_id", nullable = false)
    private UUID shopId;
    @Convert(converter = SpaceSeparated.class)
    @Column(name = "media_ids", nullable = false)
    private List<String> mediaIds;
    @Column(name = "brief")
    private String brief;
    @Column(name = "caption")
    private String caption;
    @Convert(converter = SpaceSeparated.class)
    @Column(name = "hashtags", nullable = false)
    private List<String> hashtags;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private PostStatus status;
    @Column(name = "scheduled_at")
    private Instant scheduledAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "instagram_media_id")
    private String instagramMediaId;
    @Column(name = "permalink")
    private String permalink;
    @Column(name = "failure_code")
    private String failureCode;
    @Column(name = "failure_message")
    private String failureMessage;
    @Column(name = "failure_at")
    private Instant failureAt;
    @Column(name = "failure_attempts")
    private Integer failureAttempts;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PostRow() {
    }

    static PostRow created(PostCreated e, long sequence) {
        PostRow row = new PostRow();
        row.markNew(sequence);
        row.id = e.postId().value();
        row.shopId = e.shopId().value();
        row.mediaIds = e.mediaIds().stream().map(UUID::toString).toList();
        row.brief = e.brief();
        row.hashtags = List.of();
        row.status = PostStatusRules.after(e, null);
        row.createdAt = e.at();
        return row;
    }

    void draftRequested(CaptionDraftRequested e) {
        moveOn(e);
        brief = e.brief();
        clearFailure();
    }

    void drafted(CaptionDrafted e) {
        moveOn(e);
        caption = e.caption();
        hashtags = List.copyOf(e.hashtags());
        clearFailure();
    }

    void draftFailed(CaptionDraftFailed e) {
        moveOn(e);
        fail(CAPTION_DRAFT_FAILED, e.reason(), e.at(), e.attempts());
    }

    void edited(CaptionEdited e) {
        moveOn(e);
        caption = e.caption();
        hashtags = List.copyOf(e.hashtags());
    }

    void scheduled(PostScheduled e) {
        moveOn(e);
        scheduledAt = e.scheduledAt();
        clearFailure();
    }

    void publishingStarted(PostPublishingStarted e) {
        moveOn(e);
        caption = e.caption();
        hashtags = List.copyOf(e.hashtags());
        clearFailure();
    }

    void published(PostPublished e) {
        moveOn(e);
        publishedAt = e.at();
        instagramMediaId = e.instagramMediaId();
        permalink = e.permalink();
        clearFailure();
    }

    void publishFailed(PostPublishFailed e) {
        moveOn(e);
        fail(e.code(), e.message(), e.at(), e.attempts());
    }

    void cancelled(PostCancelled e) {
        moveOn(e);
        scheduledAt = null;
    }

    /** Events that change nothing a reader sees (an Instagram container was created) still move the version. */
    void noted(Object event) {
        moveOn(event);
    }

    public ShopId shopId() {
        return new ShopId(shopId);
    }

    public PostView toView() {
        PostView.Failure failure = failureCode == null ? null
                : new PostView.Failure(failureCode, failureMessage, failureAt,
                        failureAttempts == null ? 0 : failureAttempts);
        return new PostView(new PostId(id), new ShopId(shopId), mediaIds.stream().map(UUID::fromString).toList(),
                brief, caption, hashtags, status, scheduledAt, publishedAt, instagramMediaId, permalink, failure,
                createdAt, version());
    }

    private void moveOn(Object event) {
        status = PostStatusRules.after(event, status);
    }

    private void fail(String code, String message, Instant at, Integer attempts) {
        failureCode = code;
        failureMessage = message;
        failureAt = at;
        failureAttempts = attempts;
    }

    private void clearFailure() {
        fail(null, null, null, null);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
