package kr.salonmate.command.review;

import static kr.salonmate.messages.review.ReviewStatus.APPROVED;
import static kr.salonmate.messages.review.ReviewStatus.DRAFTED;
import static kr.salonmate.messages.review.ReviewStatus.DRAFTING;
import static kr.salonmate.messages.review.ReviewStatus.NEW;
import static kr.salonmate.messages.review.ReviewStatus.PUBLISHED;
import static kr.salonmate.messages.review.ReviewStatus.PUBLISH_FAILED;
import static kr.salonmate.messages.review.ReviewStatus.REJECTED;
import static kr.salonmate.messages.review.ReviewStatus.REPLIED_ELSEWHERE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import kr.salonmate.command.CommandSideModule;
import kr.salonmate.command.Require;
import kr.salonmate.messages.privacy.SubjectKind;
import kr.salonmate.messages.review.ApproveReply;
import kr.salonmate.messages.review.AutoPublishHeld;
import kr.salonmate.messages.review.EraseReviewPersonalData;
import kr.salonmate.messages.review.ReviewPersonalDataErased;
import kr.salonmate.messages.review.DraftReply;
import kr.salonmate.messages.review.EditReply;
import kr.salonmate.messages.review.MarkReplyDraftFailed;
import kr.salonmate.messages.review.MarkReplyPublishFailed;
import kr.salonmate.messages.review.MarkReplyPostedManually;
import kr.salonmate.messages.review.MarkReplyPublished;
import kr.salonmate.messages.review.RecordAutoPublishHold;
import kr.salonmate.messages.review.RecordReplyAtSource;
import kr.salonmate.messages.review.RejectReply;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyDraftFailed;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.ReplyEdited;
import kr.salonmate.messages.review.ReplyFoundAtSource;
import kr.salonmate.messages.review.ReplyPublishFailed;
import kr.salonmate.messages.review.ReplyPublishRetried;
import kr.salonmate.messages.review.ReplyPostedManually;
import kr.salonmate.messages.review.ReplyPublished;
import kr.salonmate.messages.review.ReplyRejected;
import kr.salonmate.messages.review.RequestReplyDraft;
import kr.salonmate.messages.review.RetryReplyPublish;
import kr.salonmate.messages.review.ReviewEditedAtSource;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.ReviewStatus;
import kr.salonmate.messages.review.SourceReply;
import kr.salonmate.messages.review.SyncResult;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * One customer review and SalonMate's reply to it: from the review arriving, through AI drafts and human
 * edits, to an approval that is published at the source exactly once, or to a reply found written there.
 */
@Aggregate
@ConditionalOnBooleanProperty(name = CommandSideModule.ENABLED_PROPERTY, matchIfMissing = true)
class Review {

    static final int MAX_REPLY_LENGTH = 4_096;
    static final int MAX_INSTRUCTION_LENGTH = 500;
    static final int MAX_REASON_LENGTH = 500;

    @AggregateIdentifier
    private ReviewId id;
    private ShopId shopId;
    private ReviewSource source;
    private String externalId;
    private String author;
    private int rating;
    private String comment;
    private String language;

    private ReviewStatus status;
    /** The reply as it stands: the latest AI draft or human edit, then the approved text. */
    private String reply;
    /** The AI draft being waited for; only its answer counts. */
    private UUID pendingDraftRequest;
    private ReviewStatus statusBeforeDraftRequest;
    /** The AI draft waiting for approval as SalonMate wrote it (null once a person changed or decided on it). */
    private UUID draftAwaitingApproval;
    private boolean draftHeldBack;
    /** The approval being published (or whose publication failed); publishing outcomes must name it. */
    private UUID approvalId;
    private String approvedText;
    /** Every text SalonMate approved: seeing one of them at the source is seeing our own reply. */
    private final Set<String> textsWeApproved = new HashSet<>();
    private String lastReplySeenAtSource;
    /** The reviewer's name and text were erased: the source's copy of them is not taken in again. */
    private boolean personalDataErased;

    Review() {
        // for Axon
    }

    // --- the review as its source shows it ---------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SyncResult handle(SyncReview cmd, Clock clock) {
        requireValid(cmd);
        Instant now = clock.instant();
        SyncResult result = SyncResult.UNCHANGED;
        if (isNew()) {
            apply(new ReviewReceived(cmd.reviewId(), cmd.shopId(), cmd.source(), cmd.externalId(), cmd.author(),
                    cmd.rating(), cmd.comment(), cmd.language(), cmd.createdAt(), cmd.updatedAt(), now));
            result = SyncResult.RECEIVED;
        } else if (cmd.rating() != rating || !personalDataErased && !Objects.equals(cmd.comment(), comment)) {
            String newLanguage = cmd.language() != null ? cmd.language() : language;
            String newComment = personalDataErased ? SubjectKind.ERASED_TEXT : cmd.comment();
            apply(new ReviewEditedAtSource(id, shopId, cmd.rating(), newComment, newLanguage, rating, comment,
                    cmd.updatedAt(), now));
            result = SyncResult.EDITED;
        }
        if (isAReplyWeDidNotWrite(cmd.sourceReply())) {
            apply(new ReplyFoundAtSource(id, shopId, cmd.sourceReply().text(), cmd.sourceReply().updatedAt(), now));
        }
        return result; // the Naver import counts these; the Google sync ignores them
    }

    // --- privacy -------------------------------------------------------------------------------------------

    /** Erasing twice changes nothing: the first erasure is the one in the history. */
    @CommandHandler
    void handle(EraseReviewPersonalData cmd, Clock clock) {
        if (personalDataErased) {
            return;
        }
        apply(new ReviewPersonalDataErased(id, shopId, rating, cmd.erasedBy(), clock.instant()));
    }

    // --- drafting ------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(RequestReplyDraft cmd, Clock clock) {
        requireReplyStillOpen();
        Require.atMost(cmd.instruction(), MAX_INSTRUCTION_LENGTH, "instruction");
        apply(new ReplyDraftRequested(id, shopId, UUID.randomUUID(), cmd.instruction(), cmd.requestedBy(), author,
                rating, comment, language, clock.instant()));
    }

    @CommandHandler
    void handle(DraftReply cmd, Clock clock) {
        if (!isPending(cmd.draftRequestId())) {
            return; // superseded by a newer request, already answered, or a person wrote the reply meanwhile
        }
        requireReplyText(cmd.text());
        apply(new ReplyDrafted(id, shopId, cmd.draftRequestId(), cmd.text(), cmd.model(), cmd.promptVersion(),
                cmd.tokenUsage(), rating, clock.instant(), cmd.examples()));
    }

    /**
     * Auto-publish held the draft back: noted once per draft, and only while that draft still waits (a newer draft,
     * an edit or a decision made the reason moot).
     */
    @CommandHandler
    void handle(RecordAutoPublishHold cmd, Clock clock) {
        if (status != DRAFTED || draftHeldBack || !Objects.equals(draftAwaitingApproval, cmd.draftRequestId())) {
            return;
        }
        apply(new AutoPublishHeld(id, shopId, cmd.draftRequestId(), cmd.reason(), clock.instant()));
    }

    @CommandHandler
    void handle(MarkReplyDraftFailed cmd, Clock clock) {
        if (!isPending(cmd.draftRequestId())) {
            return;
        }
        apply(new ReplyDraftFailed(id, shopId, cmd.draftRequestId(), cmd.reason(), cmd.attempts(), clock.instant()));
    }

    // --- a person decides ----------------------------------------------------------------------------------

    @CommandHandler
    void handle(EditReply cmd, Clock clock) {
        requireReplyStillOpen();
        requireReplyText(cmd.text());
        if (cmd.text().equals(reply)) {
            return;
        }
        apply(new ReplyEdited(id, shopId, cmd.text(), reply, cmd.editedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(ApproveReply cmd, Clock clock) {
        requireReplyStillOpen();
        String text = cmd.text() != null ? cmd.text() : reply;
        if (text == null) {
            throw new NothingToApprove(id);
        }
        requireReplyText(text);
        Instant now = clock.instant();
        if (!text.equals(reply)) {
            apply(new ReplyEdited(id, shopId, text, reply, cmd.approvedBy(), now));
        }
        apply(new ReplyApproved(id, shopId, UUID.randomUUID(), source, externalId, text, cmd.approvedBy(), now));
    }

    @CommandHandler
    void handle(RejectReply cmd, Clock clock) {
        requireReplyStillOpen();
        Require.atMost(cmd.reason(), MAX_REASON_LENGTH, "reason");
        if (status == REJECTED) {
            return;
        }
        apply(new ReplyRejected(id, shopId, cmd.reason(), cmd.rejectedBy(), clock.instant()));
    }

    // --- publishing ----------------------------------------------------------------------------------------

    @CommandHandler
    void handle(MarkReplyPublished cmd, Clock clock) {
        if (!isPublishing(cmd.approvalId())) {
            return; // repeated, or about an approval that is no longer the one being published
        }
        apply(new ReplyPublished(id, shopId, approvalId, source, externalId, approvedText, clock.instant()));
    }

    @CommandHandler
    void handle(MarkReplyPublishFailed cmd, Clock clock) {
        if (!isPublishing(cmd.approvalId())) {
            return;
        }
        apply(new ReplyPublishFailed(id, shopId, approvalId, cmd.code(), cmd.message(), cmd.attempts(),
                clock.instant()));
    }

    @CommandHandler
    void handle(RetryReplyPublish cmd, Clock clock) {
        if (status != PUBLISH_FAILED) {
            throw new NoFailedPublishToRetry(id, status);
        }
        apply(new ReplyPublishRetried(id, shopId, UUID.randomUUID(), source, externalId, approvedText,
                cmd.requestedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(RecordReplyAtSource cmd, Clock clock) {
        if (!isPublishing(cmd.approvalId())) {
            return;
        }
        Require.notNull(cmd.reply(), "reply");
        Require.notBlank(cmd.reply().text(), "reply.text");
        apply(new ReplyFoundAtSource(id, shopId, cmd.reply().text(), cmd.reply().updatedAt(), clock.instant()));
    }

    /**
     * Naver has no reply API, so nothing publishes an approved Naver reply: a person pastes it there and says so.
     * Allowed after a failed publication too, for Naver replies approved before manual posting existed (their
     * publication failed with "no API"). Saying it twice changes nothing.
     */
    @CommandHandler
    void handle(MarkReplyPostedManually cmd, Clock clock) {
        Require.notNull(cmd.postedBy(), "postedBy");
        if (source.publishesRepliesByApi()) {
            throw new ReplyIsPublishedBySalonMate(id, source);
        }
        if (status == PUBLISHED) {
            return;
        }
        if (status != APPROVED && status != PUBLISH_FAILED) {
            throw new NoApprovedReplyToPost(id, status);
        }
        apply(new ReplyPostedManually(id, shopId, approvalId, source, externalId, approvedText, cmd.postedBy(),
                clock.instant()));
    }

    /** Where the reply stands; for tests and diagnostics (the read side has its own copy). */
    ReviewStatus status() {
        return status;
    }

    // --- the rules, by name --------------------------------------------------------------------------------

    private boolean isNew() {
        return id == null;
    }

    private static void requireValid(SyncReview cmd) {
        Require.notNull(cmd.shopId(), "shopId");
        Require.notNull(cmd.source(), "source");
        Require.notBlank(cmd.externalId(), "externalId");
        Require.between(cmd.rating(), 1, 5, "rating");
        Require.that(cmd.reviewId().equals(ReviewId.derive(cmd.shopId(), cmd.source(), cmd.externalId())),
                "reviewId", "must be derived from (shopId, source, externalId)");
    }

    /** Once a reply is published, being published, or written at the source, SalonMate's reply is settled. */
    private void requireReplyStillOpen() {
        switch (status) {
            case PUBLISHED -> throw new ReplyAlreadyPublished(id);
            case APPROVED -> throw new ReplyIsBeingPublished(id);
            case REPLIED_ELSEWHERE -> throw new ReviewRepliedElsewhere(id);
            default -> {
                // NEW, DRAFTING, DRAFTED, REJECTED, PUBLISH_FAILED: the reply is still ours to shape
            }
        }
    }

    private static void requireReplyText(String text) {
        Require.notBlank(text, "text");
        Require.atMost(text, MAX_REPLY_LENGTH, "text");
    }

    private boolean isPending(UUID draftRequestId) {
        return pendingDraftRequest != null && pendingDraftRequest.equals(draftRequestId);
    }

    private boolean isPublishing(UUID approval) {
        return status == APPROVED && approvalId.equals(approval);
    }

    /** A reply at the source is news unless we saw it there before or SalonMate approved that very text. */
    private boolean isAReplyWeDidNotWrite(SourceReply sourceReply) {
        if (sourceReply == null || sourceReply.text() == null || sourceReply.text().isBlank()) {
            return false;
        }
        String text = sourceReply.text();
        return !sameText(text, lastReplySeenAtSource) && textsWeApproved.stream().noneMatch(ours -> sameText(ours, text));
    }

    /** The source may trim what it was sent; surrounding whitespace does not make another reply. */
    private static boolean sameText(String a, String b) {
        return a != null && b != null && a.strip().equals(b.strip());
    }

    // --- state ---------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ReviewReceived e) {
        id = e.reviewId();
        shopId = e.shopId();
        source = e.source();
        externalId = e.externalId();
        author = e.author();
        rating = e.rating();
        comment = e.comment();
        language = e.language();
        status = NEW;
    }

    @EventSourcingHandler
    void on(ReviewPersonalDataErased e) {
        author = SubjectKind.ERASED_AUTHOR;
        comment = SubjectKind.ERASED_TEXT;
        personalDataErased = true;
    }

    @EventSourcingHandler
    void on(ReviewEditedAtSource e) {
        rating = e.rating();
        comment = e.comment();
        language = e.language();
    }

    @EventSourcingHandler
    void on(ReplyFoundAtSource e) {
        lastReplySeenAtSource = e.text();
        pendingDraftRequest = null;
        status = REPLIED_ELSEWHERE;
    }

    @EventSourcingHandler
    void on(ReplyDraftRequested e) {
        if (status != DRAFTING) {
            statusBeforeDraftRequest = status;
        }
        pendingDraftRequest = e.draftRequestId();
        status = DRAFTING;
    }

    @EventSourcingHandler
    void on(ReplyDrafted e) {
        reply = e.text();
        pendingDraftRequest = null;
        status = DRAFTED;
        draftAwaitingApproval = e.draftRequestId();
        draftHeldBack = false;
    }

    @EventSourcingHandler
    void on(AutoPublishHeld e) {
        draftHeldBack = true;
    }

    @EventSourcingHandler
    void on(ReplyDraftFailed e) {
        pendingDraftRequest = null;
        status = statusBeforeDraftRequest;
    }

    @EventSourcingHandler
    void on(ReplyEdited e) {
        draftAwaitingApproval = null;
        reply = e.text();
        pendingDraftRequest = null;
        status = DRAFTED;
    }

    @EventSourcingHandler
    void on(ReplyApproved e) {
        draftAwaitingApproval = null;
        reply = e.text();
        approvalId = e.approvalId();
        approvedText = e.text();
        textsWeApproved.add(e.text());
        pendingDraftRequest = null;
        status = APPROVED;
    }

    @EventSourcingHandler
    void on(ReplyRejected e) {
        pendingDraftRequest = null;
        status = REJECTED;
    }

    @EventSourcingHandler
    void on(ReplyPublished e) {
        status = PUBLISHED;
    }

    @EventSourcingHandler
    void on(ReplyPostedManually e) {
        status = PUBLISHED;
    }

    @EventSourcingHandler
    void on(ReplyPublishFailed e) {
        status = PUBLISH_FAILED;
    }

    @EventSourcingHandler
    void on(ReplyPublishRetried e) {
        approvalId = e.approvalId();
        approvedText = e.text();
        status = APPROVED;
    }
}
