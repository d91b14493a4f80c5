package kr.salonmate.saga.review;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import kr.salonmate.integration.google.GoogleApiException;
import kr.salonmate.integration.google.GoogleReply;
import kr.salonmate.integration.google.GoogleReview;
import kr.salonmate.integration.google.GoogleReviews;
import kr.salonmate.messages.review.MarkReplyPublishFailed;
import kr.salonmate.messages.review.MarkReplyPublished;
import kr.salonmate.messages.review.RecordReplyAtSource;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyFoundAtSource;
import kr.salonmate.messages.review.ReplyPublishFailed;
import kr.salonmate.messages.review.ReplyPublishRetried;
import kr.salonmate.messages.review.ReplyPublished;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SourceReply;
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
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Publishes one approval ({@code approvalId}) of a review's reply to Google, and reports back with exactly one of
 * {@code MarkReplyPublished}, {@code RecordReplyAtSource} or {@code MarkReplyPublishFailed}.
 *
 * <p>Every attempt first reads the review on Google:
 * <ul>
 *   <li>it shows a reply with the approved text: that is ours (an earlier attempt's PUT landed, and then the
 *       process died or the answer was lost) → {@code MarkReplyPublished}, no PUT;</li>
 *   <li>it shows another reply: someone answered outside SalonMate → {@code RecordReplyAtSource}, no PUT (a reply
 *       on Google is never overwritten);</li>
 *   <li>it shows none: PUT the approved text → {@code MarkReplyPublished}.</li>
 * </ul>
 * Transient failures (5xx, 429, timeouts, I/O, an unreachable read side) are retried on the persistent
 * {@value #RETRY_DEADLINE} deadline after {@code initial-backoff × 2^(n-1)} (or Google's Retry-After when longer),
 * up to {@code salonmate.publish.max-attempts}; then, and at once for permanent failures (authorization
 * rejected, permission denied, review deleted, bad request), {@code MarkReplyPublishFailed}.
 *
 * <p><b>Why one approval never produces two successful PUTs.</b> A PUT is only sent after a read that showed no
 * reply at all. Once any PUT of this approval succeeded, Google shows our text, so every later attempt takes the
 * first branch and sends nothing. A retry of a PUT whose outcome was unknown (timeout, crash, lost answer) is
 * always preceded by such a read, at least {@code initial-backoff} later, never immediately inside the HTTP client.
 * Only one attempt runs at a time: the saga's state and deadline are persistent, and a saga instance is handled
 * by exactly one processor segment (one thread on one node). And even in the worst case — Google's read lagging
 * behind its own write — Google keeps a single owner reply per review, so a second PUT of the same text replaces
 * it with itself rather than adding a reply. The saga ends as soon as the aggregate has accepted the outcome
 * command, or when the review reports {@code ReplyPublished}, {@code ReplyPublishFailed} or
 * {@code ReplyFoundAtSource} while a retry is pending; its deadline is cancelled first.
 *
 * <p>A source without a reply API (Naver) ends the saga the moment it starts: no read, no PUT, no failure. The
 * review stays {@code APPROVED} with {@code reply.manual} until a person says they pasted it (ADR 0018).
 */
@Saga
@ProcessingGroup("reply-publishing")
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
public class ReplyPublishing {

    static final String RETRY_DEADLINE = "publish-retry";
    private static final SagaDeadline RETRY = new SagaDeadline(RETRY_DEADLINE);
    private static final Logger log = LoggerFactory.getLogger(ReplyPublishing.class);

    @JsonProperty
    private ReviewId reviewId;
    @JsonProperty
    private ShopId shopId;
    @JsonProperty
    private UUID approvalId;
    @JsonProperty
    private ReviewSource source;
    @JsonProperty
    private String externalId;
    @JsonProperty
    private String text;
    @JsonProperty
    private int attempts;
    @JsonProperty
    private String retryScheduleId;

    public ReplyPublishing() {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "approvalId")
    public void on(ReplyApproved approved, QueryGateway queries, GoogleReviews google, CommandGateway commands,
                   DeadlineManager deadlines, PublishProperties settings) {
        if (!approved.source().publishesRepliesByApi()) {
            SagaLifecycle.end(); // Naver: a person pastes the reply and says so; nothing to send, nothing to await
            return;
        }
        begin(approved.reviewId(), approved.shopId(), approved.approvalId(), approved.source(),
                approved.externalId(), approved.text());
        attempt(new Collaborators(queries, google, commands, deadlines, settings.retries()));
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "approvalId")
    public void on(ReplyPublishRetried retried, QueryGateway queries, GoogleReviews google, CommandGateway commands,
                   DeadlineManager deadlines, PublishProperties settings) {
        if (!retried.source().publishesRepliesByApi()) {
            SagaLifecycle.end(); // a retried Naver reply waits for a person again (APPROVED, reply.manual)
            return;
        }
        begin(retried.reviewId(), retried.shopId(), retried.approvalId(), retried.source(), retried.externalId(),
                retried.text());
        attempt(new Collaborators(queries, google, commands, deadlines, settings.retries()));
    }

    @DeadlineHandler(deadlineName = RETRY_DEADLINE)
    public void on(PublishRetryDue due, QueryGateway queries, GoogleReviews google, CommandGateway commands,
                   DeadlineManager deadlines, PublishProperties settings) {
        retryScheduleId = null; // this one has fired
        attempt(new Collaborators(queries, google, commands, deadlines, settings.retries()));
    }

    @SagaEventHandler(associationProperty = "approvalId")
    public void on(ReplyPublished published, DeadlineManager deadlines) {
        end(deadlines);
    }

    @SagaEventHandler(associationProperty = "approvalId")
    public void on(ReplyPublishFailed failed, DeadlineManager deadlines) {
        end(deadlines);
    }

    /** A sync found someone else's reply on Google while a retry was pending: nothing left to publish. */
    @SagaEventHandler(associationProperty = "reviewId")
    public void on(ReplyFoundAtSource found, DeadlineManager deadlines) {
        end(deadlines);
    }

    private void begin(ReviewId reviewId, ShopId shopId, UUID approvalId, ReviewSource source, String externalId,
                       String text) {
        this.reviewId = reviewId;
        this.shopId = shopId;
        this.approvalId = approvalId;
        this.source = source;
        this.externalId = externalId;
        this.text = text;
        SagaLifecycle.associateWith("reviewId", reviewId.toString());
    }

    private void attempt(Collaborators with) {
        attempts++;
        Object outcome;
        try {
            outcome = publishOnce(with.queries(), with.google());
        } catch (ReplyCannotBePublished e) {
            report(new MarkReplyPublishFailed(reviewId, approvalId, e.code, e.getMessage(), attempts), with);
            return;
        } catch (GoogleApiException e) {
            if (!e.isTransient()) {
                log.warn("Publishing approval {} of review {} failed for good: {}", approvalId, reviewId, e.getMessage());
                report(new MarkReplyPublishFailed(reviewId, approvalId, PublishFailures.permanentCode(e),
                        PublishFailures.permanentMessage(e), attempts), with);
                return;
            }
            retryLater(e, e.retryAfter(), with);
            return;
        } catch (RuntimeException e) {
            retryLater(e, null, with);
            return;
        }
        report(outcome, with);
    }

    private Object publishOnce(QueryGateway queries, GoogleReviews google) {
        if (source != ReviewSource.GOOGLE) {
            throw new ReplyCannotBePublished(PublishFailures.SOURCE_HAS_NO_API, source
                    + " has no API for replies: copy the approved reply into " + source + " by hand.");
        }
        ShopView shop = ShopLookup.require(queries, shopId);
        if (shop.google() == null) {
            throw new ReplyCannotBePublished(PublishFailures.GOOGLE_NOT_CONNECTED,
                    "The shop is not connected to Google any more. Connect Google in the shop settings and retry.");
        }
        Optional<GoogleReview> current = google.find(shop.google(), externalId);
        if (current.isEmpty()) {
            throw new ReplyCannotBePublished(PublishFailures.REVIEW_GONE,
                    "The review no longer exists on Google (the reviewer may have deleted it).");
        }
        GoogleReply shown = current.get().reply();
        if (shown != null) {
            if (sameText(shown.comment(), text)) {
                log.info("Google already shows approval {} of review {}: marking it published", approvalId, reviewId);
                return new MarkReplyPublished(reviewId, approvalId);
            }
            log.info("Google shows a reply to review {} that SalonMate did not write: recording it, not overwriting",
                    reviewId);
            return new RecordReplyAtSource(reviewId, approvalId, new SourceReply(shown.comment(), shown.updateTime()));
        }
        google.reply(shop.google(), externalId, text);
        // one line per publication: with the trace id in the MDC it ties Google's answer to the approval's request
        log.info("Published approval {} of review {} on Google", approvalId, reviewId);
        return new MarkReplyPublished(reviewId, approvalId);
    }

    private void retryLater(Exception failure, Duration retryAfter, Collaborators with) {
        if (!with.retries().allowAnotherAfter(attempts)) {
            log.warn("Publishing approval {} of review {} failed after {} attempts: {}", approvalId, reviewId,
                    attempts, failure.getMessage());
            String code = failure instanceof GoogleApiException ? PublishFailures.GOOGLE_UNAVAILABLE
                    : PublishFailures.UNAVAILABLE;
            report(new MarkReplyPublishFailed(reviewId, approvalId, code,
                    PublishFailures.exhausted(attempts, failure), attempts), with);
            return;
        }
        Duration wait = with.retries().waitAfter(attempts, retryAfter);
        log.info("Publishing approval {} of review {} failed (attempt {}/{}: {}); next try in {}", approvalId,
                reviewId, attempts, with.retries().maxAttempts(), failure.getMessage(), wait);
        scheduleRetry(with.deadlines(), wait);
    }

    /** Sends the outcome; ends when the aggregate took it or refused it, retries when it did not get through. */
    private void report(Object outcome, Collaborators with) {
        retryScheduleId = RETRY.cancel(with.deadlines(), retryScheduleId);
        switch (Dispatch.send(with.commands(), outcome, log)) {
            case ACCEPTED, REJECTED -> SagaLifecycle.end();
            case FAILED -> {
                if (with.retries().allowAnotherAfter(attempts)) {
                    // the next attempt reads Google again, so a reply that did land is not sent twice
                    scheduleRetry(with.deadlines(), with.retries().waitAfter(attempts));
                } else {
                    log.error("Giving up on approval {} of review {}: its outcome could not be recorded",
                            approvalId, reviewId);
                    SagaLifecycle.end();
                }
            }
        }
    }

    private void scheduleRetry(DeadlineManager deadlines, Duration wait) {
        retryScheduleId = RETRY.schedule(deadlines, retryScheduleId, wait, new PublishRetryDue(attempts + 1));
    }

    private void end(DeadlineManager deadlines) {
        retryScheduleId = RETRY.cancel(deadlines, retryScheduleId);
        SagaLifecycle.end();
    }

    /** Google may trim or normalise what it stores; compare what a reader would see. */
    static boolean sameText(String shown, String approved) {
        return normalise(shown).equals(normalise(approved));
    }

    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC).strip();
    }

    /** What one attempt works with: the handler's parameters, never stored. */
    private record Collaborators(QueryGateway queries, GoogleReviews google, CommandGateway commands,
                                 DeadlineManager deadlines, Retries retries) {
    }
}
