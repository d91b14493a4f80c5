package kr.salonmate.query.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.AutoPublishHeld;
import kr.salonmate.messages.review.AutoPublishHold;
import kr.salonmate.messages.privacy.SubjectKind;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyDraftFailed;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.ReplyEdited;
import kr.salonmate.messages.review.ReplyFoundAtSource;
import kr.salonmate.messages.review.ReplyOrigin;
import kr.salonmate.messages.review.ReplyPublishFailed;
import kr.salonmate.messages.review.ReplyPublishRetried;
import kr.salonmate.messages.review.ReplyPostedManually;
import kr.salonmate.messages.review.ReplyPublished;
import kr.salonmate.messages.review.ReviewPersonalDataErased;
import kr.salonmate.messages.review.ReplyRejected;
import kr.salonmate.messages.review.ReviewEditedAtSource;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.ReviewStatus;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.ReadModelRow;

/**
 * One review in the inbox, as {@link ReviewView} shows it. Each event changes it through the method named after
 * it; {@code version} is the sequence number of the last event applied.
 */
@Entity
@Table(name = "review_view")
public class ReviewRow extends ReadModelRow {

    /** The failure code of a draft that could not be written (publishing failures carry the source's code). */
    public static final String DRAFT_FAILED = "DRAFT_FAILED";

    @Id
    @Column(name = "id")
    private UUID id;
    @Column(name = "shop_id", nullable = false)
    private UUID shopId;
    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false)
    private ReviewSource source;
    @Column(name = "external_id", nullable = false)
    private String externalId;
    @Column(name = "author")
    private String author;
    @Column(name = "rating", nullable = false)
    private int rating;
    @Column(name = "comment")
    private String comment;
    @Column(name = "language")
    private String language;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ReviewStatus status;
    @Column(name = "reply_text")
    private String replyText;
    @Enumerated(EnumType.STRING)
    @Column(name = "reply_origin")
    private ReplyOrigin replyOrigin;
    @Column(name = "reply_model")
    private String replyModel;
    @Column(name = "drafted_at")
    private Instant draftedAt;
    @Column(name = "approved_by_user_id")
    private UUID approvedByUserId;
    @Column(name = "approved_by_name")
    private String approvedByName;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "failure_code")
    private String failureCode;
    @Column(name = "failure_message")
    private String failureMessage;
    @Column(name = "failure_at")
    private Instant failureAt;
    @Column(name = "failure_attempts")
    private Integer failureAttempts;
    @Enumerated(EnumType.STRING)
    @Column(name = "auto_publish_hold")
    private AutoPublishHold autoPublishHold;

    protected ReviewRow() {
    }

    static ReviewRow received(ReviewReceived e, long sequence) {
        ReviewRow row = new ReviewRow();
        row.markNew(sequence);
        row.id = e.reviewId().value();
        row.shopId = e.shopId().value();
        row.source = e.source();
        row.externalId = e.externalId();
        row.author = e.author();
        row.rating = e.rating();
        row.comment = e.comment();
        row.language = e.language();
        row.createdAt = e.createdAt() != null ? e.createdAt() : e.receivedAt();
        row.updatedAt = e.updatedAt();
        row.status = ReviewStatusRules.after(e, null, false);
        return row;
    }

    /** The reviewer's name and text are forgotten; status, rating and the shop's reply stay. */
    void personalDataErased() {
        author = SubjectKind.ERASED_AUTHOR;
        comment = SubjectKind.ERASED_TEXT;
    }

    void editedAtSource(ReviewEditedAtSource e) {
        moveOn(e);
        rating = e.rating();
        comment = e.comment();
        language = e.language();
        updatedAt = e.updatedAt();
    }

    void replyFoundAtSource(ReplyFoundAtSource e) {
        moveOn(e);
        autoPublishHold = null;
        replyText = e.text();
        replyOrigin = ReplyOrigin.SOURCE;
        replyModel = null;
        draftedAt = null;
        approvedBy(null, null);
        publishedAt = null;
        clearFailure();
    }

    void draftRequested(ReplyDraftRequested e) {
        moveOn(e);
        clearFailure();
    }

    /** Not a change of status: the reason the draft waits for a person although auto-publish is on. */
    void autoPublishHeld(AutoPublishHeld e) {
        autoPublishHold = e.reason();
    }

    void drafted(ReplyDrafted e) {
        moveOn(e);
        autoPublishHold = null;
        replyText = e.text();
        replyOrigin = ReplyOrigin.AI;
        replyModel = e.model();
        draftedAt = e.at();
        approvedBy(null, null);
        clearFailure();
    }

    void draftFailed(ReplyDraftFailed e) {
        moveOn(e);
        fail(DRAFT_FAILED, e.reason(), e.at(), e.attempts());
    }

    void edited(ReplyEdited e) {
        moveOn(e);
        autoPublishHold = null;
        replyText = e.text();
        replyOrigin = ReplyOrigin.HUMAN;
        approvedBy(null, null);
        clearFailure();
    }

    void approved(ReplyApproved e) {
        moveOn(e);
        autoPublishHold = null;
        if (replyOrigin == null || !Objects.equals(replyText, e.text())) {
            replyOrigin = ReplyOrigin.HUMAN; // approving another text than the draft is a person's edit
        }
        replyText = e.text();
        approvedBy(e.approvedBy(), e.at());
        clearFailure();
    }

    void rejected(ReplyRejected e) {
        moveOn(e);
        autoPublishHold = null;
        clearFailure();
    }

    void published(ReplyPublished e) {
        moveOn(e);
        replyText = e.text();
        publishedAt = e.at();
        clearFailure();
    }

    /** Posted by hand at a source without reply API: published, as far as the inbox is concerned. */
    void postedManually(ReplyPostedManually e) {
        moveOn(e);
        replyText = e.text();
        publishedAt = e.at();
        clearFailure();
    }

    void publishFailed(ReplyPublishFailed e) {
        moveOn(e);
        fail(e.code(), e.message(), e.at(), e.attempts());
    }

    void publishRetried(ReplyPublishRetried e) {
        moveOn(e);
        replyText = e.text();
        approvedBy(e.retriedBy(), e.at());
        clearFailure();
    }

    /**
     * The change one review event makes, through the same method the inbox projection calls for it; false for an
     * event the inbox does not follow. Time travel ({@link ReviewTimeTravel}) rebuilds a row with it.
     */
    boolean apply(Object event) {
        if (event instanceof ReviewEditedAtSource e) {
            editedAtSource(e);
        } else if (event instanceof ReplyFoundAtSource e) {
            replyFoundAtSource(e);
        } else if (event instanceof ReplyDraftRequested e) {
            draftRequested(e);
        } else if (event instanceof ReplyDrafted e) {
            drafted(e);
        } else if (event instanceof ReplyDraftFailed e) {
            draftFailed(e);
        } else if (event instanceof ReplyEdited e) {
            edited(e);
        } else if (event instanceof ReplyApproved e) {
            approved(e);
        } else if (event instanceof ReplyRejected e) {
            rejected(e);
        } else if (event instanceof ReplyPublished e) {
            published(e);
        } else if (event instanceof ReplyPostedManually e) {
            postedManually(e);
        } else if (event instanceof ReplyPublishFailed e) {
            publishFailed(e);
        } else if (event instanceof ReplyPublishRetried e) {
            publishRetried(e);
        } else if (event instanceof AutoPublishHeld e) {
            autoPublishHeld(e);
        } else if (event instanceof ReviewPersonalDataErased) {
            personalDataErased();
        } else {
            return false;
        }
        return true;
    }

    public ReviewView toView() {
        return view(id, shopId, source, externalId, author, rating, comment, language, createdAt, updatedAt, status,
                replyText, replyOrigin, replyModel, draftedAt, approvedByUserId, approvedByName, approvedAt,
                publishedAt, failureCode, failureMessage, failureAt, failureAttempts, version(), autoPublishHold);
    }

    /** The API's view of a stored row: the one place where columns become a {@link ReviewView}. */
    @SuppressWarnings("java:S107") // one argument per column of review_view
    static ReviewView view(UUID id, UUID shopId, ReviewSource source, String externalId, String author, int rating,
                           String comment, String language, Instant createdAt, Instant updatedAt,
                           ReviewStatus status, String replyText, ReplyOrigin replyOrigin, String replyModel,
                           Instant draftedAt, UUID approvedByUserId, String approvedByName, Instant approvedAt,
                           Instant publishedAt, String failureCode, String failureMessage, Instant failureAt,
                           Integer failureAttempts, long version, AutoPublishHold autoPublishHold) {
        ReviewView.Reply reply = null;
        if (replyText != null || failureCode != null) {
            ReviewView.Person approver = approvedAt == null ? null : new ReviewView.Person(approvedByUserId, approvedByName);
            ReviewView.Failure failure = failureCode == null ? null
                    : new ReviewView.Failure(failureCode, failureMessage, failureAt,
                            failureAttempts == null ? 0 : failureAttempts);
            reply = new ReviewView.Reply(replyText, replyOrigin, replyModel, draftedAt, approver, approvedAt,
                    publishedAt, failure, !source.publishesRepliesByApi(),
                    status == ReviewStatus.DRAFTED ? autoPublishHold : null);
        }
        return new ReviewView(new ReviewId(id), new ShopId(shopId), source, externalId, author, rating, comment,
                language, createdAt, updatedAt, status, reply, version);
    }

    public ShopId shopId() {
        return new ShopId(shopId);
    }

    private void moveOn(Object event) {
        status = ReviewStatusRules.after(event, status, replyText != null);
    }

    private void approvedBy(Actor actor, Instant at) {
        approvedByUserId = actor == null ? null : actor.userId();
        approvedByName = actor == null ? null : actor.name();
        approvedAt = at;
    }

    private void fail(String code, String message, Instant at, int attempts) {
        failureCode = code;
        failureMessage = message;
        failureAt = at;
        failureAttempts = attempts;
    }

    private void clearFailure() {
        fail(null, null, null, 0);
        failureAttempts = null;
    }

    @Override
    public UUID getId() {
        return id;
    }
}
