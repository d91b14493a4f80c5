package kr.salonmate.saga.post;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonProperty;
import kr.salonmate.integration.credentials.CredentialNotFound;
import kr.salonmate.integration.credentials.CredentialUnreadable;
import kr.salonmate.integration.credentials.CredentialVault;
import kr.salonmate.integration.instagram.ContainerStatus;
import kr.salonmate.integration.instagram.InstagramApiException;
import kr.salonmate.integration.instagram.InstagramErrors;
import kr.salonmate.integration.instagram.InstagramGraphClient;
import kr.salonmate.integration.instagram.InstagramMedia;
import kr.salonmate.integration.instagram.InstagramProperties;
import kr.salonmate.integration.instagram.PublishingLimit;
import kr.salonmate.messages.post.BeginPostPublishing;
import kr.salonmate.messages.post.Captions;
import kr.salonmate.messages.post.InstagramContainerCreated;
import kr.salonmate.messages.post.MarkPostPublishFailed;
import kr.salonmate.messages.post.MarkPostPublished;
import kr.salonmate.messages.post.MediaUrls;
import kr.salonmate.messages.post.PostCancelled;
import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.post.PostPublishFailed;
import kr.salonmate.messages.post.PostPublished;
import kr.salonmate.messages.post.PostPublishingStarted;
import kr.salonmate.messages.post.PostScheduled;
import kr.salonmate.messages.post.RecordInstagramContainer;
import kr.salonmate.messages.post.SignMediaUrls;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.SagaModule;
import kr.salonmate.saga.common.Dispatch;
import kr.salonmate.saga.common.Retries;
import kr.salonmate.saga.common.SagaDeadline;
import kr.salonmate.saga.shop.ShopLookup;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Publishes one publication ({@code publicationId}) of a post to Instagram, exactly once, and reports back with
 * {@code MarkPostPublished} or {@code MarkPostPublishFailed}.
 *
 * <ol>
 *   <li>A scheduled publication ({@code PostScheduled}) waits on the persistent {@value #DUE_DEADLINE} deadline
 *       (it survives a restart), then asks the post to start ({@code BeginPostPublishing}); a post cancelled or
 *       rescheduled meanwhile refuses, and the saga ends.</li>
 *   <li>{@code PostPublishingStarted}: the photos' signed URLs ({@code SignMediaUrls}) go into a media container
 *       (a carousel: a child container per photo, then the carousel container) and the container id is recorded
 *       in the post ({@code RecordInstagramContainer}) — before anything is published.</li>
 *   <li>{@code InstagramContainerCreated}, and every later step: the container's {@code status_code} first.
 *       {@code PUBLISHED} means an earlier {@code media_publish} landed (a crash, a timeout, a lost answer): the
 *       post is recorded as published and nothing is sent again. {@code IN_PROGRESS}: look again after
 *       {@code status-poll-interval}, doubling up to 8×, at most {@code max-status-polls} times. {@code ERROR}/{@code EXPIRED}: a
 *       final failure. {@code FINISHED}: check the account's publishing quota, then {@code media_publish} once,
 *       then read the permalink — best effort: failing to read it does not make a published post fail.</li>
 * </ol>
 * Transient failures (5xx, rate limits, timeouts, an unreachable read side) are tried again on the persistent
 * {@value #STEP_DEADLINE} deadline with backoff, up to {@code salonmate.instagram.max-attempts}; permanent ones
 * (token expired, permission, media Instagram cannot fetch or accept, quota used up) fail at once with a reason the
 * owner can act on. Each step runs in its own transaction after the previous one committed, and a saga instance is
 * handled by one processor segment at a time, so there is never more than one {@code media_publish} in flight and
 * never one after Instagram shows the container published.
 */
@Saga
@ProcessingGroup("post-publishing")
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
public class PostPublishing {

    static final String DUE_DEADLINE = "post-due";
    static final String STEP_DEADLINE = "post-publish-step";
    private static final SagaDeadline DUE = new SagaDeadline(DUE_DEADLINE);
    private static final SagaDeadline STEP = new SagaDeadline(STEP_DEADLINE);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(PostPublishing.class);

    @JsonProperty
    private PostId postId;
    @JsonProperty
    private ShopId shopId;
    @JsonProperty
    private UUID publicationId;
    @JsonProperty
    private List<UUID> mediaIds;
    /** The text Instagram receives: caption, blank line, hashtags. */
    @JsonProperty
    private String caption;
    @JsonProperty
    private String containerId;
    /** Set once {@code media_publish} answered, so a lost report does not lose the media id. */
    @JsonProperty
    private String instagramMediaId;
    @JsonProperty
    private String permalink;
    @JsonProperty
    private int attempts;
    @JsonProperty
    private int polls;
    @JsonProperty
    private String dueScheduleId;
    @JsonProperty
    private String stepScheduleId;

    public PostPublishing() {
    }

    // --- waiting for the scheduled time --------------------------------------------------------------------

    @StartSaga
    @SagaEventHandler(associationProperty = "publicationId")
    public void on(PostScheduled scheduled, DeadlineManager deadlines) {
        postId = scheduled.postId();
        shopId = scheduled.shopId();
        publicationId = scheduled.publicationId();
        SagaLifecycle.associateWith("postId", postId.toString());
        dueScheduleId = DUE.schedule(deadlines, dueScheduleId, scheduled.scheduledAt(), new PostDue(publicationId));
        log.info("Post {} will be published at {}", postId, scheduled.scheduledAt());
    }

    @DeadlineHandler(deadlineName = DUE_DEADLINE)
    public void on(PostDue due, CommandGateway commands, DeadlineManager deadlines, InstagramProperties settings) {
        dueScheduleId = null; // this one has fired
        switch (Dispatch.send(commands, new BeginPostPublishing(postId, publicationId), log)) {
            case ACCEPTED -> {
                // PostPublishingStarted comes next, to this saga (same publicationId)
            }
            case REJECTED -> end(deadlines); // cancelled, rescheduled or already started
            case FAILED -> dueScheduleId = DUE.schedule(deadlines, dueScheduleId, settings.initialBackoff(), due);
        }
    }

    // --- publishing ----------------------------------------------------------------------------------------

    @StartSaga
    @SagaEventHandler(associationProperty = "publicationId")
    public void on(PostPublishingStarted started, QueryGateway queries, InstagramGraphClient instagram,
                   CredentialVault vault, CommandGateway commands, DeadlineManager deadlines,
                   InstagramProperties settings) {
        postId = started.postId();
        shopId = started.shopId();
        publicationId = started.publicationId();
        mediaIds = List.copyOf(started.mediaIds());
        caption = Captions.compose(started.caption(), started.hashtags());
        attempts = 1;
        SagaLifecycle.associateWith("postId", postId.toString());
        step(new Collaborators(queries, instagram, vault, commands, deadlines, settings));
    }

    @SagaEventHandler(associationProperty = "publicationId")
    public void on(InstagramContainerCreated created, QueryGateway queries, InstagramGraphClient instagram,
                   CredentialVault vault, CommandGateway commands, DeadlineManager deadlines,
                   InstagramProperties settings) {
        containerId = created.containerId();
        polls = 0;
        step(new Collaborators(queries, instagram, vault, commands, deadlines, settings));
    }

    @DeadlineHandler(deadlineName = STEP_DEADLINE)
    public void on(PublishStepDue due, QueryGateway queries, InstagramGraphClient instagram, CredentialVault vault,
                   CommandGateway commands, DeadlineManager deadlines, InstagramProperties settings) {
        stepScheduleId = null; // this one has fired
        step(new Collaborators(queries, instagram, vault, commands, deadlines, settings));
    }

    @SagaEventHandler(associationProperty = "publicationId")
    public void on(PostPublished published, DeadlineManager deadlines) {
        end(deadlines);
    }

    @SagaEventHandler(associationProperty = "publicationId")
    public void on(PostPublishFailed failed, DeadlineManager deadlines) {
        end(deadlines);
    }

    @SagaEventHandler(associationProperty = "postId")
    public void on(PostCancelled cancelled, DeadlineManager deadlines) {
        end(deadlines);
    }

    private void step(Collaborators with) {
        try {
            Account account = account(with);
            if (instagramMediaId != null) {
                report(new MarkPostPublished(postId, publicationId, instagramMediaId, permalink), with);
            } else if (containerId == null) {
                createContainer(account, with);
            } else {
                advance(account, with);
            }
        } catch (PostCannotBePublished e) {
            fail(e.code, e.getMessage(), with);
        } catch (InstagramApiException e) {
            if (e.isTransient()) {
                retryLater(e.getMessage(), e.retryAfter(), with);
            } else {
                log.warn("Publishing post {} failed for good: {} {}", postId, e.reason(), e.getMessage());
                fail(e.reason(), e.getMessage(), with);
            }
        } catch (RuntimeException e) {
            log.warn("Publishing post {} hit a problem: {}", postId, e.toString());
            retryLater("SalonMate could not reach what it needed (" + e.getClass().getSimpleName() + ")", null, with);
        }
    }

    private void createContainer(Account account, Collaborators with) {
        List<String> urls = mediaUrls(with);
        String id;
        if (urls.size() == 1) {
            id = with.instagram().createImageContainer(account.igUserId(), account.token(), urls.get(0), caption,
                    false);
        } else {
            List<String> children = new ArrayList<>();
            for (String url : urls) {
                children.add(with.instagram().createImageContainer(account.igUserId(), account.token(), url, null,
                        true));
            }
            id = with.instagram().createCarouselContainer(account.igUserId(), account.token(), children, caption);
        }
        log.info("Instagram container {} holds post {} (publication {})", id, postId, publicationId);
        switch (Dispatch.send(with.commands(), new RecordInstagramContainer(postId, publicationId, id), log)) {
            case ACCEPTED -> {
                // InstagramContainerCreated comes next, in its own transaction: then the container is looked at
            }
            case REJECTED -> end(with.deadlines()); // the publication is no longer current
            case FAILED -> retryLater("the container could not be recorded", null, with);
        }
    }

    private void advance(Account account, Collaborators with) {
        ContainerStatus status = with.instagram().containerStatus(containerId, account.token());
        switch (status) {
            case PUBLISHED -> {
                log.info("Instagram shows container {} of post {} published already: recording it, not publishing"
                        + " again", containerId, postId);
                InstagramMedia media = findPublished(account, with);
                instagramMediaId = media == null ? null : media.id();
                permalink = media == null ? null : media.permalink();
                report(new MarkPostPublished(postId, publicationId, instagramMediaId, permalink), with);
            }
            case FINISHED -> publish(account, with);
            case IN_PROGRESS -> {
                polls++;
                if (polls >= with.settings().maxStatusPolls()) {
                    fail(InstagramErrors.CONTAINER_TIMEOUT, "Instagram did not finish processing the photos after "
                            + polls + " checks. Publish again, or try other photos.", with);
                } else {
                    scheduleStep(with.settings().pollWaitAfter(polls), with);
                }
            }
            case ERROR -> fail(InstagramErrors.MEDIA_REJECTED, "Instagram could not process the photos (container"
                    + " status ERROR). Check that they are ordinary JPEG photos, then publish again.", with);
            case EXPIRED -> fail(InstagramErrors.CONTAINER_EXPIRED, "Instagram's copy of the photos expired before it"
                    + " was published. Publish again.", with);
        }
    }

    private void publish(Account account, Collaborators with) {
        PublishingLimit limit = with.instagram().publishingLimit(account.igUserId(), account.token());
        if (limit.exhausted()) {
            fail(InstagramErrors.QUOTA_EXHAUSTED, "This Instagram account has published " + limit.used() + " of the "
                    + limit.total() + " posts Instagram allows in " + (limit.windowSeconds() / 3600)
                    + " hours. Publish again later.", with);
            return;
        }
        instagramMediaId = with.instagram().publish(account.igUserId(), account.token(), containerId);
        log.info("Post {} is published on Instagram as {}", postId, instagramMediaId);
        try {
            permalink = with.instagram().permalink(instagramMediaId, account.token());
        } catch (RuntimeException e) {
            log.warn("Post {} is published, but its permalink could not be read: {}", postId, e.getMessage());
        }
        report(new MarkPostPublished(postId, publicationId, instagramMediaId, permalink), with);
    }

    /** After a lost answer: the account's recent media with exactly this caption, if any (best effort). */
    private InstagramMedia findPublished(Account account, Collaborators with) {
        try {
            String ours = normalise(caption);
            return with.instagram().recentMedia(account.igUserId(), account.token()).stream()
                    .filter(media -> normalise(media.caption()).equals(ours)).findFirst().orElse(null);
        } catch (RuntimeException e) {
            log.warn("Could not look up the published media of post {}: {}", postId, e.getMessage());
            return null;
        }
    }

    private List<String> mediaUrls(Collaborators with) {
        CompletableFuture<MediaUrls> answer = with.queries().query(new SignMediaUrls(shopId, mediaIds),
                ResponseTypes.instanceOf(MediaUrls.class));
        try {
            MediaUrls urls = answer.get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (urls == null || urls.urls().size() != mediaIds.size()) {
                throw new PostCannotBePublished(InstagramErrors.MEDIA_FETCH_FAILED, "Some photos of this post are no"
                        + " longer stored. Create the post again with the photos uploaded anew.");
            }
            return urls.urls();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the photos' URLs could not be had: " + e, e);
        }
    }

    private Account account(Collaborators with) {
        ShopView shop = ShopLookup.require(with.queries(), shopId);
        if (shop.instagram() == null) {
            throw new PostCannotBePublished(InstagramErrors.NOT_CONNECTED, "The shop is not connected to Instagram."
                    + " Connect Instagram in the shop settings, then publish again.");
        }
        try {
            return new Account(shop.instagram().igUserId(), with.vault().reveal(shop.instagram().credentialRef()));
        } catch (CredentialNotFound | CredentialUnreadable e) {
            throw new PostCannotBePublished(InstagramErrors.TOKEN_EXPIRED, "SalonMate has no usable Instagram access"
                    + " token for this shop any more. Reconnect Instagram in the shop settings, then publish again.");
        }
    }

    private void retryLater(String problem, Duration retryAfter, Collaborators with) {
        if (!with.retries().allowAnotherAfter(attempts)) {
            fail(InstagramErrors.UNAVAILABLE, "The post could not be published after " + attempts + " attempts."
                    + " Last problem: " + problem, with);
            return;
        }
        Duration wait = with.retries().waitAfter(attempts, retryAfter);
        log.info("Publishing post {} failed (attempt {}/{}: {}); next try in {}", postId, attempts,
                with.retries().maxAttempts(), problem, wait);
        attempts++;
        scheduleStep(wait, with);
    }

    private void fail(String code, String message, Collaborators with) {
        report(new MarkPostPublishFailed(postId, publicationId, code, message, attempts), with);
    }

    /** Sends the outcome; ends when the aggregate took it or refused it, tries again when it did not get through. */
    private void report(Object outcome, Collaborators with) {
        stepScheduleId = STEP.cancel(with.deadlines(), stepScheduleId);
        switch (Dispatch.send(with.commands(), outcome, log)) {
            case ACCEPTED, REJECTED -> end(with.deadlines());
            case FAILED -> {
                if (with.retries().allowAnotherAfter(attempts) || outcome instanceof MarkPostPublished) {
                    // the next step reports again without publishing: the media id is kept, or Instagram shows
                    // the container published
                    attempts++;
                    scheduleStep(with.retries().waitAfter(Math.min(attempts, 6)), with);
                } else {
                    log.error("Giving up on publication {} of post {}: its outcome could not be recorded",
                            publicationId, postId);
                    end(with.deadlines());
                }
            }
        }
    }

    private void scheduleStep(Duration wait, Collaborators with) {
        stepScheduleId = STEP.schedule(with.deadlines(), stepScheduleId, wait, new PublishStepDue(attempts, polls));
    }

    private void end(DeadlineManager deadlines) {
        stepScheduleId = STEP.cancel(deadlines, stepScheduleId);
        dueScheduleId = DUE.cancel(deadlines, dueScheduleId);
        SagaLifecycle.end();
    }

    private static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text.replace("\r\n", "\n"), Normalizer.Form.NFC).strip();
    }

    /** The account to publish with; the token is read from the vault for each step and never stored here. */
    private record Account(String igUserId, String token) {
    }

    /** What one step works with: the handler's parameters, never stored. */
    private record Collaborators(QueryGateway queries, InstagramGraphClient instagram, CredentialVault vault,
                                 CommandGateway commands, DeadlineManager deadlines, InstagramProperties settings) {

        Retries retries() {
            return settings.retries();
        }
    }
}
