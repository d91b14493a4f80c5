package kr.salonmate.query.review;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
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
import kr.salonmate.query.RowsOfBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The review inbox: one row per review, kept in step with every review event. After each change the new
 * {@code ReviewView} goes to the shop's {@link WatchShopReviews} subscribers (Axon sends it after the commit).
 * An event at or below the row's version has been applied already and changes nothing.
 *
 * <p>Once per batch, just before the batch's transaction commits, each shop the batch changed gets its count and a
 * new stamp in {@code review_inbox_shop} ({@link InboxStamps}): the list reads its total there, and a node's cached
 * first page ({@link InboxFirstPages}) is current exactly while the shop's stamp is the one it was read with.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
@ProcessingGroup(ReviewInboxProjection.GROUP)
public class ReviewInboxProjection {

    public static final String GROUP = "review-inbox";
    private static final String CHANGED_SHOPS = ReviewInboxProjection.class.getName() + ".changedShops";

    private final ReviewRows rows;
    private final RowsOfBatch<ReviewRow> batchRows;
    private final QueryUpdateEmitter emitter;
    private final InboxStamps stamps;

    ReviewInboxProjection(ReviewRows rows, EntityManager entities, QueryUpdateEmitter emitter, InboxStamps stamps) {
        this.rows = rows;
        this.batchRows = new RowsOfBatch<>(entities, ReviewRow.class, "Review");
        this.emitter = emitter;
        this.stamps = stamps;
    }

    @EventHandler
    void on(ReviewReceived e, @SequenceNumber long sequence) {
        // a find, not a count: a query would flush (dirty-check) every row the batch has touched so far
        if (batchRows.find(e.reviewId().value()) != null) {
            return;
        }
        ReviewRow row = ReviewRow.received(e, sequence);
        batchRows.add(row);
        grownLater(row.shopId().value());
        emit(row);
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
        stampLater(null, true); // the approver may be on any shop's page: every shop's cached first page is stale
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
        stamps.deleteAll();
    }

    private void change(ReviewId reviewId, long sequence, Consumer<ReviewRow> change) {
        ReviewRow row = batchRows.find(reviewId.value());
        if (row == null) {
            throw new IllegalStateException(
                    "Review " + reviewId + " is not in the inbox: its event " + sequence + " came before ReviewReceived");
        }
        if (row.hasSeen(sequence)) {
            return;
        }
        change.accept(row);
        row.advanceTo(sequence);
        emit(row);
    }

    private void emit(ReviewRow row) {
        var shopId = row.shopId();
        stampLater(shopId.value(), false);
        var view = row.toView();
        emitter.emit(WatchShopReviews.class, query -> query.shopId().equals(shopId), view);
        // a command endpoint waits on this one review to answer with what its command did (api's ReadModels)
        emitter.emit(FindReview.class, query -> query.reviewId().equals(view.id()), view);
    }

    /** What a batch changed: the shops whose stamp it renews before it commits, and those it added reviews to. */
    private static final class ChangedShops {
        final Set<UUID> shops = new LinkedHashSet<>();
        final Set<UUID> grown = new LinkedHashSet<>();
        boolean everyShop;
    }

    /**
     * The batch's record of changed shops, made on its first change. The stamps are written in the root unit of
     * work's prepare-commit phase: Axon runs it before the phase that commits the transaction the processor
     * attached to the batch, and inside that transaction (AbstractUnitOfWork#commitAsRoot), so the stamps commit
     * with the rows or not at all, and a batch of a hundred events of one shop counts its reviews once. A dead
     * letter's retry is handled in a unit of work of Axon's with a transaction too. Outside any unit of work (a
     * direct call) the change is stamped at once.
     */
    private void stampLater(UUID shop, boolean everyShop) {
        if (!CurrentUnitOfWork.isStarted()) {
            stampNow(shop == null ? Set.of() : Set.of(shop), Set.of(), everyShop);
            return;
        }
        ChangedShops changed = changedShops();
        if (shop != null) {
            changed.shops.add(shop);
        }
        changed.everyShop |= everyShop;
    }

    /**
     * The batch added a review to the shop: its count is taken again before the batch commits. A batch that only
     * changed reviews (a draft, an approval) leaves the count as it was: counting the shop's rows after every batch
     * was PostgreSQL's largest cost in the review pipeline once similar reviews stopped counting theirs (ADR 37).
     */
    private void grownLater(UUID shop) {
        if (!CurrentUnitOfWork.isStarted()) {
            stampNow(Set.of(shop), Set.of(shop), false);
            return;
        }
        changedShops().grown.add(shop);
    }

    private ChangedShops changedShops() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(CHANGED_SHOPS, key -> {
            ChangedShops shops = new ChangedShops();
            batch.onPrepareCommit(u -> stampNow(shops.shops, shops.grown, shops.everyShop));
            return shops;
        });
    }

    private void stampNow(Set<UUID> shops, Set<UUID> grown, boolean everyShop) {
        rows.flush(); // the count is SQL: it must see the batch's rows
        stamps.stamp(shops, grown, everyShop);
    }
}
