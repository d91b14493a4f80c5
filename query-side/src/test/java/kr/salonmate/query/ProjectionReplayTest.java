package kr.salonmate.query;

import static kr.salonmate.query.support.ReviewStory.MANAGER;
import static kr.salonmate.query.support.ReviewStory.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.review.WatchShopReviews;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReviewsSynced;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopRegistered;
import kr.salonmate.query.support.PostStory;
import kr.salonmate.query.support.ProjectionTest;
import kr.salonmate.query.support.ReviewStory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every projection survives a redelivery and rebuilds the same rows from the first event. */
class ProjectionReplayTest extends ProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-05T00:00:00Z");

    @Autowired
    private TokenStore tokenStore;

    private final ShopId shop = ShopId.random();
    private final ReviewStory published = ReviewStory.google(shop, "r-1");
    private final ReviewStory drafted = ReviewStory.naver(shop, "r-2");
    private final PostStory post = PostStory.of(shop, 2);

    @Test
    void eventsHandledAgainAfterACrashLeaveTheSameRowsAndSendNoUpdates() {
        givenAShopWithHistory();
        Map<String, List<Map<String, Object>>> before = rowsOf(shop);
        long stamp = inboxStamp(shop);
        long first = jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry "
                + "WHERE aggregate_identifier IN (?, ?, ?)", Long.class,
                shop.toString(), published.id().toString(), drafted.id().toString());

        SubscriptionQueryResult<PageResult, ReviewView> watch = watch(shop);
        try {
            rewindEveryProjectionTo(first - 1); // as if no token had been stored since before those events
            awaitProjections();

            assertThat(rowsOf(shop)).isEqualTo(before);
            assertThat(inboxStamp(shop)).as("nothing changed: a node's copy of the first page stays current")
                    .isEqualTo(stamp);
            // the redelivered events changed nothing, so the first update a subscriber sees is the next change
            publish(drafted.approved(OWNER));
            ReviewView update = watch.updates().blockFirst(Duration.ofSeconds(20));
            assertThat(update.id()).isEqualTo(drafted.id());
            assertThat(update.version()).isEqualTo(4);
        } finally {
            watch.close();
        }
    }

    @Test
    void aResetClearsEveryTableAndTheReplayRebuildsTheSameRows() {
        givenAShopWithHistory();
        Map<String, List<Map<String, Object>>> before = rowsOf(shop);
        ShopId strayShop = ShopId.random();
        insertRowsNoEventExplains(strayShop);

        QuerySideModule.PROCESSING_GROUPS.forEach(group -> {
            var processor = processor(group);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        });
        awaitProjections();

        assertThat(rowsOf(shop)).isEqualTo(before);
        assertThat(rowsOf(strayShop).values()).allSatisfy(rows -> assertThat(rows).isEmpty());
    }

    private void givenAShopWithHistory() {
        given(shopEvent(0, new ShopRegistered(shop, "Salon", "Asia/Seoul", "ko", OWNER, ReplySettings.defaults(), AT)),
                published.received(5, "A", "great"), published.draftRequested(null, OWNER),
                published.drafted("Thanks!"), published.edited("Thank you!", MANAGER), published.approved(OWNER),
                published.publishFailed("UNAVAILABLE", "503"), published.publishRetried(MANAGER),
                published.published(),
                drafted.received(2, "B", "slow"), drafted.editedAtSource(3, "slow but ok"),
                drafted.draftRequested(null, OWNER), drafted.drafted("Sorry"),
                shopEvent(1, new ReviewsSynced(shop, 2, AT.plusSeconds(30))),
                post.created("brief"), post.drafted("caption", List.of("tag")), post.publishingStarted(),
                post.containerCreated("c-1"), post.published("m-1", "https://www.instagram.com/p/x/"));
    }

    private void rewindEveryProjectionTo(long globalIndex) {
        QuerySideModule.PROCESSING_GROUPS.forEach(group -> processor(group).shutDown());
        transactions.executeWithoutResult(status -> QuerySideModule.PROCESSING_GROUPS.forEach(group ->
                tokenStore.storeToken(GapAwareTrackingToken.newInstance(globalIndex, Collections.emptySet()),
                        group, 0)));
        QuerySideModule.PROCESSING_GROUPS.forEach(group -> processor(group).start());
    }

    private Map<String, List<Map<String, Object>>> rowsOf(ShopId shopId) {
        UUID id = shopId.value();
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        rows.put("review_view", jdbc.queryForList("SELECT * FROM review_view WHERE shop_id = ? ORDER BY id", id));
        // not `stamp`: a batch that changes the shop takes a new one, a replay's too
        rows.put("review_inbox_shop", jdbc.queryForList("SELECT reviews FROM review_inbox_shop WHERE shop_id = ?", id));
        rows.put("reply_audit", jdbc.queryForList("SELECT review_id, sequence, occurred_at, action, actor_type, "
                + "actor_user_id, actor_name, text, previous_text, model, detail FROM reply_audit "
                + "WHERE shop_id = ? ORDER BY review_id, sequence", id));
        rows.put("dashboard_review", jdbc.queryForList(
                "SELECT * FROM dashboard_review WHERE shop_id = ? ORDER BY review_id", id));
        rows.put("dashboard_shop", jdbc.queryForList("SELECT * FROM dashboard_shop WHERE shop_id = ?", id));
        rows.put("shop_view", jdbc.queryForList("SELECT * FROM shop_view WHERE id = ?", id));
        rows.put("post_view", jdbc.queryForList("SELECT * FROM post_view WHERE shop_id = ? ORDER BY id", id));
        rows.put("dashboard_post", jdbc.queryForList(
                "SELECT * FROM dashboard_post WHERE shop_id = ? ORDER BY post_id", id));
        rows.put("analytics_shop", jdbc.queryForList("SELECT * FROM analytics_shop WHERE shop_id = ?", id));
        rows.put("analytics_review", jdbc.queryForList(
                "SELECT * FROM analytics_review WHERE shop_id = ? ORDER BY review_id", id));
        // not `revision`: every write takes a new one, a replay too
        rows.put("review_similarity", jdbc.queryForList("SELECT review_id, version, model, encode(vector, 'hex') AS"
                + " vector, reply_text, reply_human, reply_published FROM review_similarity WHERE shop_id = ?"
                + " ORDER BY review_id", id));
        return rows;
    }

    private long inboxStamp(ShopId shopId) {
        return jdbc.queryForObject("SELECT stamp FROM review_inbox_shop WHERE shop_id = ?", Long.class, shopId.value());
    }

    private void insertRowsNoEventExplains(ShopId strayShop) {
        UUID shopId = strayShop.value();
        UUID reviewId = UUID.randomUUID();
        jdbc.update("INSERT INTO review_view (id, shop_id, source, external_id, rating, created_at, status, version) "
                + "VALUES (?, ?, 'GOOGLE', 'stray', 5, now(), 'NEW', 0)", reviewId, shopId);
        jdbc.update("INSERT INTO review_inbox_shop (shop_id, reviews, stamp) VALUES (?, 1, 0)", shopId);
        jdbc.update("INSERT INTO reply_audit (review_id, shop_id, sequence, occurred_at, action, actor_type) "
                + "VALUES (?, ?, 0, now(), 'SYNCED', 'SYSTEM')", reviewId, shopId);
        jdbc.update("INSERT INTO dashboard_review (review_id, shop_id, status, rating, has_reply_text, "
                + "review_created_at, version) VALUES (?, ?, 'NEW', 5, false, now(), 0)", reviewId, shopId);
        jdbc.update("INSERT INTO dashboard_shop (shop_id, last_sync_at, version) VALUES (?, now(), 0)", shopId);
        jdbc.update("INSERT INTO shop_view (id, name, tone, auto_draft, allow_offers, version) "
                + "VALUES (?, 'stray', 'POLITE', true, false, 0)", shopId);
        UUID postId = UUID.randomUUID();
        jdbc.update("INSERT INTO post_view (id, shop_id, media_ids, status, created_at, version) "
                + "VALUES (?, ?, ?, 'DRAFTING', now(), 0)", postId, shopId, UUID.randomUUID().toString());
        jdbc.update("INSERT INTO dashboard_post (post_id, shop_id, status, version) VALUES (?, ?, 'DRAFTING', 0)",
                postId, shopId);
        jdbc.update("INSERT INTO analytics_shop (shop_id, timezone) VALUES (?, 'Asia/Seoul')", shopId);
        jdbc.update("INSERT INTO analytics_review (review_id, shop_id, day, rating, sentiment, keywords, replied, "
                + "draft_state, ai_outcome, version) VALUES (?, ?, '2026-11-01', 5, 'POSITIVE', 'stray', false, "
                + "'NONE', 'NONE', 0)", reviewId, shopId);
        jdbc.update("INSERT INTO review_similarity (review_id, shop_id, version) VALUES (?, ?, 0)", reviewId, shopId);
        assertThat(rowsOf(strayShop).values()).allSatisfy(rows -> assertThat(rows).hasSize(1));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private SubscriptionQueryResult<PageResult, ReviewView> watch(ShopId shopId) {
        SubscriptionQueryResult<PageResult, ReviewView> watch = queries.subscriptionQuery(new WatchShopReviews(shopId),
                ResponseTypes.instanceOf(PageResult.class), ResponseTypes.instanceOf(ReviewView.class));
        watch.initialResult().block(Duration.ofSeconds(10));
        return watch;
    }

    private DomainEventMessage<?> shopEvent(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Shop", shop.toString(), sequence, payload);
    }
}
