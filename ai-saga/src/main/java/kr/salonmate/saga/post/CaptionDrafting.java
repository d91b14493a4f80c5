package kr.salonmate.saga.post;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import kr.salonmate.messages.post.CaptionDraftFailed;
import kr.salonmate.messages.post.CaptionDraftRequested;
import kr.salonmate.messages.post.CaptionDrafted;
import kr.salonmate.messages.post.DraftCaption;
import kr.salonmate.messages.post.MarkCaptionDraftFailed;
import kr.salonmate.messages.post.PostCreated;
import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.SagaModule;
import kr.salonmate.saga.ai.CaptionDraft;
import kr.salonmate.saga.ai.CaptionDrafter;
import kr.salonmate.saga.ai.CaptionRequest;
import kr.salonmate.saga.ai.DraftFailed;
import kr.salonmate.saga.common.Dispatch;
import kr.salonmate.saga.common.DraftProperties;
import kr.salonmate.saga.common.Retries;
import kr.salonmate.saga.common.SagaDeadline;
import kr.salonmate.saga.shop.ShopLookup;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Answers one caption draft request ({@code draftRequestId}) of a post — the one every new post starts with, or a
 * later one — by asking the {@link CaptionDrafter} in the shop's language and tone ({@code FindShop}) and sending
 * {@code DraftCaption}, made to fit Instagram's rules. A failing model is tried again on the persistent
 * {@value #RETRY_DEADLINE} deadline ({@code salonmate.draft.*}: attempts and backoff, as for replies); after the
 * last attempt {@code MarkCaptionDraftFailed} leaves the post READY with the failure shown, and a new draft can be
 * asked for. Ends once the aggregate took (or refused) the answer, or when the request is answered otherwise.
 */
@Saga
@ProcessingGroup("caption-drafting")
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
public class CaptionDrafting {

    static final String RETRY_DEADLINE = "caption-retry";
    private static final SagaDeadline RETRY = new SagaDeadline(RETRY_DEADLINE);
    private static final Logger log = LoggerFactory.getLogger(CaptionDrafting.class);

    @JsonProperty
    private PostId postId;
    @JsonProperty
    private ShopId shopId;
    @JsonProperty
    private UUID draftRequestId;
    @JsonProperty
    private String brief;
    @JsonProperty
    private int photoCount;
    @JsonProperty
    private int attempts;
    @JsonProperty
    private String retryScheduleId;

    public CaptionDrafting() {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "draftRequestId")
    public void on(PostCreated created, CaptionDrafter drafter, QueryGateway queries, CommandGateway commands,
                   DeadlineManager deadlines, DraftProperties settings) {
        begin(created.postId(), created.shopId(), created.draftRequestId(), created.brief(), created.mediaIds().size());
        attempt(new Collaborators(drafter, queries, commands, deadlines, settings.retries()));
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "draftRequestId")
    public void on(CaptionDraftRequested requested, CaptionDrafter drafter, QueryGateway queries,
                   CommandGateway commands, DeadlineManager deadlines, DraftProperties settings) {
        begin(requested.postId(), requested.shopId(), requested.draftRequestId(), requested.brief(),
                requested.mediaCount());
        attempt(new Collaborators(drafter, queries, commands, deadlines, settings.retries()));
    }

    @DeadlineHandler(deadlineName = RETRY_DEADLINE)
    public void on(CaptionRetryDue due, CaptionDrafter drafter, QueryGateway queries, CommandGateway commands,
                   DeadlineManager deadlines, DraftProperties settings) {
        retryScheduleId = null; // this one has fired
        attempt(new Collaborators(drafter, queries, commands, deadlines, settings.retries()));
    }

    @SagaEventHandler(associationProperty = "draftRequestId")
    public void on(CaptionDrafted drafted, DeadlineManager deadlines) {
        end(deadlines);
    }

    @SagaEventHandler(associationProperty = "draftRequestId")
    public void on(CaptionDraftFailed failed, DeadlineManager deadlines) {
        end(deadlines);
    }

    private void begin(PostId postId, ShopId shopId, UUID draftRequestId, String brief, int photoCount) {
        this.postId = postId;
        this.shopId = shopId;
        this.draftRequestId = draftRequestId;
        this.brief = brief;
        this.photoCount = photoCount;
    }

    private void attempt(Collaborators with) {
        attempts++;
        CaptionDraft draft;
        try {
            ShopView shop = ShopLookup.require(with.queries(), shopId);
            draft = with.drafter().draft(CaptionRequest.of(postId, shop, brief, photoCount));
        } catch (RuntimeException e) {
            log.warn("Drafting a caption for post {} failed (attempt {}/{}): {}", postId, attempts,
                    with.retries().maxAttempts(), e.toString());
            if (with.retries().allowAnotherAfter(attempts)) {
                scheduleRetry(with);
            } else {
                report(new MarkCaptionDraftFailed(postId, draftRequestId, reason(e), attempts), with);
            }
            return;
        }
        FittedCaption fitted = FittedCaption.of(draft.caption(), draft.hashtags());
        report(new DraftCaption(postId, draftRequestId, fitted.caption(), fitted.hashtags(), draft.model(),
                draft.promptVersion(), draft.tokenUsage()), with);
    }

    private void report(Object outcome, Collaborators with) {
        retryScheduleId = RETRY.cancel(with.deadlines(), retryScheduleId);
        switch (Dispatch.send(with.commands(), outcome, log)) {
            case ACCEPTED -> SagaLifecycle.end();
            case REJECTED -> {
                if (outcome instanceof DraftCaption) {
                    // the post would not take this caption: show the failure rather than leave it drafting
                    report(new MarkCaptionDraftFailed(postId, draftRequestId, "The AI caption did not fit"
                            + " Instagram's rules; write the caption or ask for a new draft.", attempts), with);
                } else {
                    SagaLifecycle.end();
                }
            }
            case FAILED -> {
                if (with.retries().allowAnotherAfter(attempts)) {
                    scheduleRetry(with);
                } else {
                    log.error("Giving up on caption request {} of post {}: its outcome could not be recorded",
                            draftRequestId, postId);
                    SagaLifecycle.end();
                }
            }
        }
    }

    private String reason(RuntimeException e) {
        return DraftFailed.ownerReadable("caption", attempts, e);
    }

    private void scheduleRetry(Collaborators with) {
        retryScheduleId = RETRY.schedule(with.deadlines(), retryScheduleId, with.retries().waitAfter(attempts),
                new CaptionRetryDue(attempts + 1));
    }

    private void end(DeadlineManager deadlines) {
        retryScheduleId = RETRY.cancel(deadlines, retryScheduleId);
        SagaLifecycle.end();
    }

    /** What one attempt works with: the handler's parameters, never stored. */
    private record Collaborators(CaptionDrafter drafter, QueryGateway queries, CommandGateway commands,
                                 DeadlineManager deadlines, Retries retries) {
    }
}
