package kr.salonmate.query.review;

import java.util.function.Consumer;
import kr.salonmate.messages.review.AutoPublishHeld;
import kr.salonmate.messages.privacy.SubjectKind;
import kr.salonmate.messages.privacy.UserErased;
import kr.salonmate.messages.review.ReviewPersonalDataErased;
import kr.salonmate.messages.review.FindReview;
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
import kr.salonmate.messages.review.ReviewEditedAtSource;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.WatchShopReviews;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The review inbox: one row per review, kept in step with every review event. After each change the new
 * {@code ReviewView} goes to the shop's {@link WatchShopReviews} subscribers (Axon sends it after the commit).
 * An event at or below the row's version has been applied already and changes nothing.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
@ProcessingGroup(ReviewInboxProjection.GROUP)
public class ReviewInboxProjection {

    public static final String GROUP = "review-inbox";

    private final ReviewRows rows;
    private final QueryUpdateEmitter emitter;

    ReviewInboxProjection(ReviewRows rows, QueryUpdateEmitter emitter) {
        this.rows = rows;
        this.emitter = emitter;
    }

    @EventHandler
    void on(ReviewReceived e, @SequenceNumber long sequence) {
        // findById, not existsById: a query would flush (dirty-check) every row the batch has touched so far
        if (rows.findById(e.reviewId().value()).isPresent()) {
            return;
        }
        emit(rows.save(ReviewRow.received(e, sequence)));
    }

    @EventHandler
    void on(ReviewEditedAtSource e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, row -> row.editedAtSource(e));
    }

    @EventHandler
    void on(ReplyFoundAtSource e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, row -> row.replyFoundAtSource(e));
    }

    @EventHandler
    void on(ReplyDraftRequested e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, row -> row.draftRequested(e));
    }

    @EventHandler
    void on(ReplyDrafted e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, row -> row.drafted(e));
    }

    @EventHandler
    void on(AutoPublishHeld e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, row -> row.autoPublishHeld(e));
    }

    @EventHandler
    void on(ReplyDraftFailed e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, row -> row.draftFailed(e));
    }

    @EventHandler
    void on(ReplyEdited e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, row -> row.edited(e));
    }

    @EventHandler
    void on(ReplyApproved e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, row -> row.approved(e));
    }

    @EventHandler
    void on(ReplyRejected e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, row -> row.rejected(e));
    }

    @EventHandler
    void on(ReplyPublished e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, row -> row.published(e));
    }

    @EventHandler
    void on(ReplyPostedManually e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, row -> row.postedManually(e));
    }

    @EventHandler
    void on(ReplyPublishFailed e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, row -> row.publishFailed(e));
    }

    @EventHandler
    void on(ReplyPublishRetried e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, row -> row.publishRetried(e));
    }

    @EventHandler
    void on(ReviewPersonalDataErased e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, ReviewRow::personalDataErased);
    }

    @EventHandler
    void on(UserErased e) {
        rows.renameApprover(e.userId(), SubjectKind.DELETED_USER);
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    private void change(ReviewId reviewId, long sequence, Consumer<ReviewRow> change) {
        ReviewRow row = rows.findById(reviewId.value()).orElseThrow(() -> new IllegalStateException(
                "Review " + reviewId + " is not in the inbox: its event " + sequence + " came before ReviewReceived"));
        if (row.hasSeen(sequence)) {
            return;
        }
        change.accept(row);
        row.advanceTo(sequence);
        emit(row);
    }

    private void emit(ReviewRow row) {
        var shopId = row.shopId();
        var view = row.toView();
        emitter.emit(WatchShopReviews.class, query -> query.shopId().equals(shopId), view);
        // a command endpoint waits on this one review to answer with what its command did (api's ReadModels)
        emitter.emit(FindReview.class, query -> query.reviewId().equals(view.id()), view);
    }
}
