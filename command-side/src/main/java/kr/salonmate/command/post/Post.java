package kr.salonmate.command.post;

import static kr.salonmate.messages.post.PostStatus.CANCELLED;
import static kr.salonmate.messages.post.PostStatus.DRAFTING;
import static kr.salonmate.messages.post.PostStatus.PUBLISHED;
import static kr.salonmate.messages.post.PostStatus.PUBLISHING;
import static kr.salonmate.messages.post.PostStatus.PUBLISH_FAILED;
import static kr.salonmate.messages.post.PostStatus.READY;
import static kr.salonmate.messages.post.PostStatus.SCHEDULED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import kr.salonmate.command.CommandSideModule;
import kr.salonmate.command.Require;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.post.BeginPostPublishing;
import kr.salonmate.messages.post.CancelPost;
import kr.salonmate.messages.post.CaptionDraftFailed;
import kr.salonmate.messages.post.CaptionDraftRequested;
import kr.salonmate.messages.post.CaptionDrafted;
import kr.salonmate.messages.post.CaptionEdited;
import kr.salonmate.messages.post.Captions;
import kr.salonmate.messages.post.CreatePost;
import kr.salonmate.messages.post.DraftCaption;
import kr.salonmate.messages.post.EditCaption;
import kr.salonmate.messages.post.InstagramContainerCreated;
import kr.salonmate.messages.post.MarkCaptionDraftFailed;
import kr.salonmate.messages.post.MarkPostPublishFailed;
import kr.salonmate.messages.post.MarkPostPublished;
import kr.salonmate.messages.post.PostCancelled;
import kr.salonmate.messages.post.PostCreated;
import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.post.PostPublishFailed;
import kr.salonmate.messages.post.PostPublished;
import kr.salonmate.messages.post.PostPublishingStarted;
import kr.salonmate.messages.post.PostScheduled;
import kr.salonmate.messages.post.PostStatus;
import kr.salonmate.messages.post.PublishPost;
import kr.salonmate.messages.post.RecordInstagramContainer;
import kr.salonmate.messages.post.RequestCaptionDraft;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * One Instagram post: photos, an AI-drafted caption that people may edit, and its publication — now or at a
 * scheduled time — exactly once. Each publication attempt has a {@code publicationId}; the publishing saga reports
 * against it, so news about an older publication never touches a newer one.
 */
@Aggregate
@ConditionalOnBooleanProperty(name = CommandSideModule.ENABLED_PROPERTY, matchIfMissing = true)
class Post {

    static final int MAX_MEDIA = 10;
    static final int MAX_BRIEF_LENGTH = 1_000;
    static final int MAX_REASON_LENGTH = 1_000;
    /** How far ahead a post may be scheduled. */
    static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(365);
    /** An {@code at} this little in the past (clock skew, a slow request) still means "now". */
    static final Duration NOW_TOLERANCE = Duration.ofMinutes(1);

    @AggregateIdentifier
    private PostId id;
    private ShopId shopId;
    private List<UUID> mediaIds;
    private String brief;
    private PostStatus status;
    private String caption;
    private List<String> hashtags = List.of();
    /** The caption draft being waited for; only its answer counts. */
    private UUID pendingDraftRequest;
    /** The publication scheduled or being published (or whose publication failed). */
    private UUID publicationId;
    private Actor scheduledBy;

    Post() {
        // for Axon
    }

    @CommandHandler
    Post(CreatePost cmd, Clock clock) {
        Require.notNull(cmd.postId(), "postId");
        Require.notNull(cmd.shopId(), "shopId");
        Require.notNull(cmd.mediaIds(), "mediaIds");
        Require.that(!cmd.mediaIds().isEmpty() && cmd.mediaIds().size() <= MAX_MEDIA, "mediaIds",
                "must name 1 to " + MAX_MEDIA + " photos");
        Require.that(cmd.mediaIds().stream().allMatch(Objects::nonNull), "mediaIds", "must not contain null");
        Require.that(new HashSet<>(cmd.mediaIds()).size() == cmd.mediaIds().size(), "mediaIds",
                "must not name the same photo twice");
        Require.atMost(cmd.brief(), MAX_BRIEF_LENGTH, "brief");
        apply(new PostCreated(cmd.postId(), cmd.shopId(), List.copyOf(cmd.mediaIds()), blankToNull(cmd.brief()),
                UUID.randomUUID(), cmd.createdBy(), clock.instant()));
    }

    // --- the caption ---------------------------------------------------------------------------------------

    @CommandHandler
    void handle(RequestCaptionDraft cmd, Clock clock) {
        requireNotFinal();
        if (status == SCHEDULED) {
            throw new PostIsScheduled(id);
        }
        Require.atMost(cmd.brief(), MAX_BRIEF_LENGTH, "brief");
        String newBrief = cmd.brief() == null ? brief : blankToNull(cmd.brief());
        apply(new CaptionDraftRequested(id, shopId, UUID.randomUUID(), newBrief, mediaIds.size(), cmd.requestedBy(),
                clock.instant()));
    }

    @CommandHandler
    void handle(DraftCaption cmd, Clock clock) {
        if (!isPending(cmd.draftRequestId())) {
            return; // superseded by a newer request, already answered, or a person wrote the caption meanwhile
        }
        List<String> tags = requireCaption(cmd.caption(), cmd.hashtags());
        apply(new CaptionDrafted(id, shopId, cmd.draftRequestId(), cmd.caption().strip(), tags, cmd.model(),
                cmd.promptVersion(), cmd.tokenUsage(), clock.instant()));
    }

    @CommandHandler
    void handle(MarkCaptionDraftFailed cmd, Clock clock) {
        if (!isPending(cmd.draftRequestId())) {
            return;
        }
        String reason = cmd.reason() == null ? "No caption could be drafted" : truncate(cmd.reason());
        apply(new CaptionDraftFailed(id, shopId, cmd.draftRequestId(), reason, cmd.attempts(), clock.instant()));
    }

    @CommandHandler
    void handle(EditCaption cmd, Clock clock) {
        requireNotFinal();
        if (status == SCHEDULED && !cmd.mayEditScheduled()) {
            throw new ScheduledPostNeedsManager(id);
        }
        List<String> tags = requireCaption(cmd.caption(), cmd.hashtags());
        String text = cmd.caption().strip();
        if (text.equals(caption) && tags.equals(hashtags) && status != DRAFTING) {
            return;
        }
        apply(new CaptionEdited(id, shopId, text, tags, caption, cmd.editedBy(), clock.instant()));
    }

    // --- publishing ----------------------------------------------------------------------------------------

    @CommandHandler
    void handle(PublishPost cmd, Clock clock) {
        requireNotFinal();
        if (status == DRAFTING) {
            throw new CaptionStillDrafting(id);
        }
        Instant now = clock.instant();
        Instant at = cmd.at();
        if (at != null) {
            Require.that(!at.isBefore(now.minus(NOW_TOLERANCE)), "at", "must not be in the past");
            Require.that(!at.isAfter(now.plus(MAX_SCHEDULE_AHEAD)), "at", "must be within a year from now");
        }
        UUID publication = UUID.randomUUID();
        if (at != null && at.isAfter(now)) {
            apply(new PostScheduled(id, shopId, publication, at, cmd.requestedBy(), now));
        } else {
            apply(new PostPublishingStarted(id, shopId, publication, mediaIds, caption == null ? "" : caption,
                    hashtags, cmd.requestedBy(), now));
        }
    }

    @CommandHandler
    void handle(BeginPostPublishing cmd, Clock clock) {
        if (status != SCHEDULED || !Objects.equals(publicationId, cmd.publicationId())) {
            throw new PublicationNotDue(id, cmd.publicationId());
        }
        apply(new PostPublishingStarted(id, shopId, publicationId, mediaIds, caption == null ? "" : caption,
                hashtags, scheduledBy, clock.instant()));
    }

    @CommandHandler
    void handle(RecordInstagramContainer cmd, Clock clock) {
        if (!isPublishing(cmd.publicationId())) {
            throw new StalePublication(id, cmd.publicationId());
        }
        Require.notBlank(cmd.containerId(), "containerId");
        apply(new InstagramContainerCreated(id, shopId, publicationId, cmd.containerId(), clock.instant()));
    }

    @CommandHandler
    void handle(MarkPostPublished cmd, Clock clock) {
        if (!isPublishing(cmd.publicationId())) {
            return; // repeated, or about a publication that is no longer the current one
        }
        apply(new PostPublished(id, shopId, publicationId, cmd.instagramMediaId(), cmd.permalink(), clock.instant()));
    }

    @CommandHandler
    void handle(MarkPostPublishFailed cmd, Clock clock) {
        if (!isPublishing(cmd.publicationId())) {
            return;
        }
        apply(new PostPublishFailed(id, shopId, publicationId, cmd.code(), truncate(cmd.message()), cmd.attempts(),
                clock.instant()));
    }

    @CommandHandler
    void handle(CancelPost cmd, Clock clock) {
        if (status == CANCELLED) {
            return;
        }
        requireNotFinal();
        apply(new PostCancelled(id, shopId, cmd.cancelledBy(), clock.instant()));
    }

    /** Where the post stands; for tests and diagnostics (the read side has its own copy). */
    PostStatus status() {
        return status;
    }

    UUID publicationId() {
        return publicationId;
    }

    // --- the rules, by name --------------------------------------------------------------------------------

    /** Published, being published or cancelled: the post can no longer change. */
    private void requireNotFinal() {
        switch (status) {
            case PUBLISHED -> throw new PostAlreadyPublished(id);
            case PUBLISHING -> throw new PostIsBeingPublished(id);
            case CANCELLED -> throw new PostIsCancelled(id);
            default -> {
                // DRAFTING, READY, SCHEDULED, PUBLISH_FAILED: still ours to shape
            }
        }
    }

    /** The caption and hashtags Instagram would accept; returns the hashtags without {@code #}, de-duplicated. */
    private static List<String> requireCaption(String caption, List<String> hashtags) {
        Require.notNull(caption, "caption");
        Require.notNull(hashtags, "hashtags");
        List<String> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : hashtags) {
            String tag = Captions.normalizeTag(raw);
            Require.that(Captions.isValidTag(tag), "hashtags", "must be words of letters, digits and underscores"
                    + " (at most " + Captions.MAX_HASHTAG_LENGTH + " characters), got '" + abbreviate(raw) + "'");
            if (seen.add(Captions.tagKey(tag))) {
                tags.add(tag);
            }
        }
        String text = caption.strip();
        Require.that(Captions.countHashtags(text, tags) <= Captions.MAX_HASHTAGS, "hashtags",
                "must be at most " + Captions.MAX_HASHTAGS + " (counting those written in the caption)");
        Require.atMost(text, Captions.MAX_LENGTH, "caption");
        Require.that(Captions.length(Captions.compose(text, tags)) <= Captions.MAX_LENGTH, "caption",
                "with its hashtags must be at most " + Captions.MAX_LENGTH + " characters");
        return List.copyOf(tags);
    }

    private boolean isPending(UUID draftRequestId) {
        return pendingDraftRequest != null && pendingDraftRequest.equals(draftRequestId);
    }

    private boolean isPublishing(UUID publication) {
        return status == PUBLISHING && Objects.equals(publicationId, publication);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String truncate(String text) {
        if (text == null || text.length() <= MAX_REASON_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    // --- state ---------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(PostCreated e) {
        id = e.postId();
        shopId = e.shopId();
        mediaIds = e.mediaIds();
        brief = e.brief();
        pendingDraftRequest = e.draftRequestId();
        status = DRAFTING;
    }

    @EventSourcingHandler
    void on(CaptionDraftRequested e) {
        brief = e.brief();
        pendingDraftRequest = e.draftRequestId();
        status = DRAFTING;
    }

    @EventSourcingHandler
    void on(CaptionDrafted e) {
        caption = e.caption();
        hashtags = e.hashtags();
        pendingDraftRequest = null;
        status = READY;
    }

    @EventSourcingHandler
    void on(CaptionDraftFailed e) {
        pendingDraftRequest = null;
        status = READY;
    }

    @EventSourcingHandler
    void on(CaptionEdited e) {
        caption = e.caption();
        hashtags = e.hashtags();
        pendingDraftRequest = null;
        if (status != SCHEDULED) {
            status = READY;
        }
    }

    @EventSourcingHandler
    void on(PostScheduled e) {
        publicationId = e.publicationId();
        scheduledBy = e.requestedBy();
        status = SCHEDULED;
    }

    @EventSourcingHandler
    void on(PostPublishingStarted e) {
        publicationId = e.publicationId();
        status = PUBLISHING;
    }

    @EventSourcingHandler
    void on(InstagramContainerCreated e) {
        // the saga asks Instagram about this container before any retry; nothing changes here
    }

    @EventSourcingHandler
    void on(PostPublished e) {
        status = PUBLISHED;
    }

    @EventSourcingHandler
    void on(PostPublishFailed e) {
        status = PUBLISH_FAILED;
    }

    @EventSourcingHandler
    void on(PostCancelled e) {
        pendingDraftRequest = null;
        status = CANCELLED;
    }
}
