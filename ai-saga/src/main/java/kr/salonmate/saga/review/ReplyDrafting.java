package kr.salonmate.saga.review;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import kr.salonmate.messages.privacy.PersonalData;
import kr.salonmate.messages.privacy.SubjectKind;
import kr.salonmate.messages.review.DraftReply;
import kr.salonmate.messages.review.MarkReplyDraftFailed;
import kr.salonmate.messages.review.ReplyDraftFailed;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.VoiceExamples;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.SagaModule;
import kr.salonmate.saga.ai.Draft;
import kr.salonmate.saga.ai.DraftFailed;
import kr.salonmate.saga.ai.DraftRequest;
import kr.salonmate.saga.ai.ReplyDrafter;
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
 * Answers one draft request ({@code draftRequestId}) of a review: reads the shop's reply settings
 * ({@code FindShop}) and the examples of its own voice ({@code FindVoiceExamples}: its published replies that a
 * person wrote or changed, to the most similar reviews), asks the {@link ReplyDrafter}, and sends
 * {@code DraftReply} naming the examples. When the model fails it tries
 * again on the persistent {@value #RETRY_DEADLINE} deadline after {@code initial-backoff × 2^(n-1)}; after
 * {@code salonmate.draft.max-attempts} it sends {@code MarkReplyDraftFailed}. It ends once the aggregate has taken
 * (or refused) its answer, or when {@code ReplyDrafted}/{@code ReplyDraftFailed} of its request arrives while a
 * retry is pending — cancelling the deadline first.
 *
 * <p>The model call runs on the processor thread of this saga's segment; the "reply-drafting" processor runs many
 * segments in parallel, so one slow answer holds up only the reviews of its own segment. Nothing here is shared
 * between sagas.
 */
@Saga
@ProcessingGroup("reply-drafting")
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
public class ReplyDrafting {

    static final String RETRY_DEADLINE = "draft-retry";
    private static final SagaDeadline RETRY = new SagaDeadline(RETRY_DEADLINE);
    private static final Logger log = LoggerFactory.getLogger(ReplyDrafting.class);

    @JsonProperty
    private ReviewId reviewId;
    @JsonProperty
    private ShopId shopId;
    @JsonProperty
    private UUID draftRequestId;
    @JsonProperty
    private String instruction;
    @JsonProperty
    @PersonalData(kind = SubjectKind.REVIEWER, subject = "reviewId", erased = SubjectKind.ERASED_AUTHOR)
    private String author;
    @JsonProperty
    private int rating;
    @JsonProperty
    @PersonalData(kind = SubjectKind.REVIEWER, subject = "reviewId", erased = SubjectKind.ERASED_TEXT)
    private String comment;
    @JsonProperty
    private String language;
    @JsonProperty
    private int attempts;
    @JsonProperty
    private String retryScheduleId;

    public ReplyDrafting() {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "draftRequestId")
    public void on(ReplyDraftRequested requested, ReplyDrafter drafter, QueryGateway queries,
                   CommandGateway commands, DeadlineManager deadlines, DraftProperties settings) {
        reviewId = requested.reviewId();
        shopId = requested.shopId();
        draftRequestId = requested.draftRequestId();
        instruction = requested.instruction();
        author = requested.author();
        rating = requested.rating();
        comment = requested.comment();
        language = requested.language();
        SagaLifecycle.associateWith("reviewId", reviewId.toString());
        attempt(new Collaborators(drafter, queries, commands, deadlines, settings.retries()));
    }

    @DeadlineHandler(deadlineName = RETRY_DEADLINE)
    public void on(DraftRetryDue due, ReplyDrafter drafter, QueryGateway queries, CommandGateway commands,
                   DeadlineManager deadlines, DraftProperties settings) {
        retryScheduleId = null; // this one has fired
        attempt(new Collaborators(drafter, queries, commands, deadlines, settings.retries()));
    }

    @SagaEventHandler(associationProperty = "draftRequestId")
    public void on(ReplyDrafted drafted, DeadlineManager deadlines) {
        end(deadlines);
    }

    @SagaEventHandler(associationProperty = "draftRequestId")
    public void on(ReplyDraftFailed failed, DeadlineManager deadlines) {
        end(deadlines);
    }

    private void attempt(Collaborators with) {
        attempts++;
        Draft draft;
        VoiceExamples examples;
        try {
            ShopView shop = ShopLookup.require(with.queries(), shopId);
            examples = VoiceLookup.examples(with.queries(), shopId, reviewId, comment);
            draft = with.drafter().draft(new DraftRequest(reviewId, shop.name(), shop.replySettings(), author, rating,
                    comment, language, instruction, examples.items()));
        } catch (RuntimeException e) {
            log.warn("Drafting a reply to review {} failed (attempt {}/{}): {}", reviewId, attempts,
                    with.retries().maxAttempts(), e.toString());
            if (with.retries().allowAnotherAfter(attempts)) {
                scheduleRetry(with);
            } else {
                report(new MarkReplyDraftFailed(reviewId, draftRequestId, reason(e), attempts), with);
            }
            return;
        }
        report(new DraftReply(reviewId, draftRequestId, draft.text(), draft.model(), draft.promptVersion(),
                draft.tokenUsage(), examples.items().stream().map(VoiceExamples.Example::reviewId).toList()), with);
    }

    private void report(Object outcome, Collaborators with) {
        retryScheduleId = RETRY.cancel(with.deadlines(), retryScheduleId);
        switch (Dispatch.send(with.commands(), outcome, log)) {
            case ACCEPTED, REJECTED -> SagaLifecycle.end();
            case FAILED -> {
                if (with.retries().allowAnotherAfter(attempts)) {
                    scheduleRetry(with);
                } else {
                    log.error("Giving up on draft request {} of review {}: its outcome could not be recorded",
                            draftRequestId, reviewId);
                    SagaLifecycle.end();
                }
            }
        }
    }

    private String reason(RuntimeException e) {
        return DraftFailed.ownerReadable("draft", attempts, e);
    }

    private void scheduleRetry(Collaborators with) {
        retryScheduleId = RETRY.schedule(with.deadlines(), retryScheduleId, with.retries().waitAfter(attempts),
                new DraftRetryDue(attempts + 1));
    }

    private void end(DeadlineManager deadlines) {
        retryScheduleId = RETRY.cancel(deadlines, retryScheduleId);
        SagaLifecycle.end();
    }

    /** What one attempt works with: the handler's parameters, never stored. */
    private record Collaborators(ReplyDrafter drafter, QueryGateway queries, CommandGateway commands,
                                 DeadlineManager deadlines, Retries retries) {
    }
}
