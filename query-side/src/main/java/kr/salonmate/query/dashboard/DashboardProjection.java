package kr.salonmate.query.dashboard;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import kr.salonmate.messages.billing.AiQuotaExhausted;
import kr.salonmate.messages.billing.AiQuotaRestored;
import kr.salonmate.messages.post.CaptionDraftFailed;
import kr.salonmate.messages.post.CaptionDraftRequested;
import kr.salonmate.messages.post.CaptionDrafted;
import kr.salonmate.messages.post.CaptionEdited;
import kr.salonmate.messages.post.InstagramContainerCreated;
import kr.salonmate.messages.post.PostCancelled;
import kr.salonmate.messages.post.PostCreated;
import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.post.PostPublishFailed;
import kr.salonmate.messages.post.PostPublished;
import kr.salonmate.messages.post.PostPublishingStarted;
import kr.salonmate.messages.post.PostScheduled;
import kr.salonmate.messages.review.FetchDashboard;
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
import kr.salonmate.messages.shop.ReviewsSynced;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.QuerySideModule;
import kr.salonmate.query.RowsOfBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.GenericSubscriptionQueryUpdateMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The dashboard's own tables: each review's status, rating and response time, each post's status, and each shop's
 * last sync. After
 * a change the whole new dashboard goes to that shop's {@link FetchDashboard} subscribers; it is only computed
 * when someone is subscribed (a replay does not compute thousands of dashboards nobody sees).
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
@ProcessingGroup(DashboardProjection.GROUP)
public class DashboardProjection {

    private static final String CHANGED_SHOPS = DashboardProjection.class.getName() + ".changedShops";
    public static final String GROUP = "dashboard";
    /** The metadata key naming the shop of a pushed {@code DashboardView}. */
    public static final String SHOP_METADATA = "shopId";

    private final DashboardReviewRows reviews;
    private final RowsOfBatch<DashboardReviewRow> reviewsOfBatch;
    private final DashboardShopRows shops;
    private final DashboardPostRows posts;
    private final DashboardQueries dashboards;
    private final QueryUpdateEmitter emitter;
    /**
     * Whether counters are pushed for every changed shop, not only those watched on this node: with a STOMP relay
     * the browser watching a shop may hang on another node, which this node cannot see (set by the api module).
     */
    private final boolean pushEveryShop;

    DashboardProjection(DashboardReviewRows reviews, DashboardShopRows shops, DashboardPostRows posts,
                        DashboardQueries dashboards, QueryUpdateEmitter emitter, EntityManager entities,
                        @Value("${salonmate.live.push-every-shop:false}") boolean pushEveryShop) {
        this.reviews = reviews;
        this.reviewsOfBatch = new RowsOfBatch<>(entities, DashboardReviewRow.class, "Review");
        this.shops = shops;
        this.posts = posts;
        this.dashboards = dashboards;
        this.emitter = emitter;
        this.pushEveryShop = pushEveryShop;
    }

    @EventHandler
    void on(ReviewReceived e, @SequenceNumber long sequence) {
        if (reviewsOfBatch.find(e.reviewId().value()) != null) {
            return;
        }
        reviewsOfBatch.add(DashboardReviewRow.received(e, sequence));
        emit(e.shopId());
    }

    @EventHandler
    void on(ReviewEditedAtSource e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, e, row -> row.rated(e.rating()));
    }

    @EventHandler
    void on(ReplyFoundAtSource e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, e, DashboardReviewRow::replyWritten);
    }

    @EventHandler
    void on(ReplyDraftRequested e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, e, row -> { });
    }

    @EventHandler
    void on(ReplyDrafted e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, e, DashboardReviewRow::replyWritten);
    }

    @EventHandler
    void on(ReplyDraftFailed e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, e, row -> { });
    }

    @EventHandler
    void on(ReplyEdited e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, e, DashboardReviewRow::replyWritten);
    }

    @EventHandler
    void on(ReplyApproved e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, e, DashboardReviewRow::replyWritten);
    }

    @EventHandler
    void on(ReplyRejected e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, e, row -> { });
    }

    @EventHandler
    void on(ReplyPublished e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, e, row -> row.published(e.at()));
    }

    @EventHandler
    void on(ReplyPostedManually e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, e, row -> row.published(e.at()));
    }

    @EventHandler
    void on(ReplyPublishFailed e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, e, row -> { });
    }

    @EventHandler
    void on(ReplyPublishRetried e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, e, DashboardReviewRow::replyWritten);
    }

    @EventHandler
    void on(ReviewsSynced e, @SequenceNumber long sequence) {
        DashboardShopRow shop = shops.findById(e.shopId().value())
                .orElseGet(() -> new DashboardShopRow(e.shopId().value()));
        if (shop.synced(e.at(), sequence)) {
            shops.save(shop);
            emit(e.shopId());
        }
    }

    @EventHandler
    void on(AiQuotaExhausted e, @SequenceNumber long sequence) {
        quota(e.shopId(), true, sequence);
    }

    @EventHandler
    void on(AiQuotaRestored e, @SequenceNumber long sequence) {
        quota(e.shopId(), false, sequence);
    }

    private void quota(ShopId shopId, boolean exceeded, long sequence) {
        DashboardShopRow shop = shops.findById(shopId.value()).orElseGet(() -> new DashboardShopRow(shopId.value()));
        if (shop.quotaExceeded(exceeded, sequence)) {
            shops.save(shop);
            emit(shopId);
        }
    }

    // --- posts ----------------------------------------------------------------------------------------------

    @EventHandler
    void on(PostCreated e, @SequenceNumber long sequence) {
        if (posts.findById(e.postId().value()).isPresent()) {
            return;
        }
        posts.save(DashboardPostRow.created(e, sequence));
        emit(e.shopId());
    }

    @EventHandler
    void on(CaptionDraftRequested e, @SequenceNumber long sequence) {
        changePost(e.postId(), sequence, e);
    }

    @EventHandler
    void on(CaptionDrafted e, @SequenceNumber long sequence) {
        changePost(e.postId(), sequence, e);
    }

    @EventHandler
    void on(CaptionDraftFailed e, @SequenceNumber long sequence) {
        changePost(e.postId(), sequence, e);
    }

    @EventHandler
    void on(CaptionEdited e, @SequenceNumber long sequence) {
        changePost(e.postId(), sequence, e);
    }

    @EventHandler
    void on(PostScheduled e, @SequenceNumber long sequence) {
        changePost(e.postId(), sequence, e);
    }

    @EventHandler
    void on(PostPublishingStarted e, @SequenceNumber long sequence) {
        changePost(e.postId(), sequence, e);
    }

    @EventHandler
    void on(InstagramContainerCreated e, @SequenceNumber long sequence) {
        changePost(e.postId(), sequence, e);
    }

    @EventHandler
    void on(PostPublished e, @SequenceNumber long sequence) {
        changePost(e.postId(), sequence, e);
    }

    @EventHandler
    void on(PostPublishFailed e, @SequenceNumber long sequence) {
        changePost(e.postId(), sequence, e);
    }

    @EventHandler
    void on(PostCancelled e, @SequenceNumber long sequence) {
        changePost(e.postId(), sequence, e);
    }

    @ResetHandler
    void reset() {
        reviews.deleteAllInBatch();
        shops.deleteAllInBatch();
        posts.deleteAllInBatch();
    }

    private void changePost(PostId postId, long sequence, Object event) {
        DashboardPostRow row = posts.findById(postId.value()).orElseThrow(() -> new IllegalStateException(
                "Post " + postId + " is not on the dashboard: its event " + sequence + " came before PostCreated"));
        if (row.apply(event, sequence)) {
            emit(row.shopId());
        }
    }

    /** The status moves first (it may depend on the state before the event), then the event's own facts. */
    private void change(ReviewId reviewId, long sequence, Object event, Consumer<DashboardReviewRow> facts) {
        DashboardReviewRow row = reviewsOfBatch.find(reviewId.value());
        if (row == null) {
            throw new IllegalStateException("Review " + reviewId + " is not on the dashboard: its event " + sequence
                    + " came before ReviewReceived");
        }
        if (row.hasSeen(sequence)) {
            return;
        }
        row.apply(event);
        facts.accept(row);
        row.advanceTo(sequence);
        emit(row.shopId());
    }

    /**
     * Pushes the shop's counters to open dashboards, once per batch and shop: the counters are one SQL query over
     * the shop's rows, and a batch of a big sync changes the same shop a hundred times.
     */
    private void emit(ShopId shopId) {
        boolean watched = pushEveryShop || emitter.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof FetchDashboard q && q.shopId().equals(shopId));
        if (!watched) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            emitNow(Set.of(shopId));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Set<ShopId> changed = batch.getOrComputeResource(CHANGED_SHOPS, key -> {
            Set<ShopId> shops = new LinkedHashSet<>();
            batch.onPrepareCommit(u -> emitNow(shops));
            return shops;
        });
        changed.add(shopId);
    }

    private void emitNow(Set<ShopId> shopIds) {
        shops.flush();
        reviews.flush(); // the counters are read with SQL, which must see this batch's changes
        posts.flush();
        for (ShopId shopId : shopIds) {
            // the shop rides along as metadata: the counters themselves do not name it, and a relay must know the topic
            emitter.emit(FetchDashboard.class, query -> query.shopId().equals(shopId),
                    GenericSubscriptionQueryUpdateMessage.asUpdateMessage(dashboards.dashboardOf(shopId))
                            .andMetaData(java.util.Map.of(SHOP_METADATA, shopId.value().toString())));
        }
    }
}
