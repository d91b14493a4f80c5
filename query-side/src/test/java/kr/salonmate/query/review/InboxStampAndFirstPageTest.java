package kr.salonmate.query.review;

import static kr.salonmate.query.support.ReviewStory.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.privacy.UserErased;
import kr.salonmate.messages.review.FindReviews;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.review.WatchShopReviews;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.support.ProjectionTest;
import kr.salonmate.query.support.ReviewStory;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The shop's count and stamp in {@code review_inbox_shop} (ADR 32): the projection renews them with every batch that
 * changed the shop, the unfiltered list takes its total from them, and a node answers the first page from its copy
 * while the stamp is the one the copy was read at. Rows changed behind the projection's back show which answers
 * came from where: a count or a fresh read would see them, the stamp and the copy do not.
 */
class InboxStampAndFirstPageTest extends ProjectionTest {

    private final ShopId shop = ShopId.random();

    @Autowired
    private NamedParameterJdbcTemplate namedJdbc;

    @Test
    void everyBatchThatChangesAShopTakesANewStampForItAloneAndOneThatAddsReviewsCountsThem() {
        ShopId otherShop = ShopId.random();
        ReviewStory a = ReviewStory.google(shop, "st-a");
        ReviewStory b = ReviewStory.google(shop, "st-b");
        ReviewStory elsewhere = ReviewStory.google(otherShop, "st-c");
        given(a.received(5, "A", "good"), b.received(4, "B", "fine"), elsewhere.received(3, "C", "ok"));
        Map<String, Object> first = stampRow(shop);
        Map<String, Object> others = stampRow(otherShop);
        assertThat(first).containsEntry("reviews", 2L);
        assertThat(others).containsEntry("reviews", 1L);

        given(a.draftRequested(null, OWNER));

        Map<String, Object> second = stampRow(shop);
        assertThat(second).containsEntry("reviews", 2L);
        assertThat((Long) second.get("stamp")).isGreaterThan((Long) first.get("stamp"));
        assertThat(stampRow(otherShop)).isEqualTo(others);

        given(ReviewStory.naver(shop, "st-d").received(1, "D", "bad"));
        Map<String, Object> third = stampRow(shop);
        assertThat(third).containsEntry("reviews", 3L);
        assertThat((Long) third.get("stamp")).isGreaterThan((Long) second.get("stamp"));
    }

    @Test
    void anUnfilteredListTakesItsTotalFromTheShopsRowAndCountsNothing() {
        ReviewStory a = ReviewStory.google(shop, "t-a").at(Instant.parse("2026-11-10T00:00:00Z"));
        ReviewStory b = ReviewStory.google(shop, "t-b").at(Instant.parse("2026-11-10T01:00:00Z"));
        ReviewStory c = ReviewStory.google(shop, "t-c").at(Instant.parse("2026-11-10T02:00:00Z"));
        given(a.received(5, "A", "one"), b.received(5, "B", "two"), c.received(5, "C", "three"));
        insertBehindTheProjectionsBack(shop, "2026-11-09T00:00:00Z");

        assertThat(list(null, 1, 2).total()).isEqualTo(3); // a count would say 4
        assertThat(list(null, 0, 2).total()).isEqualTo(3);
        assertThat(list(ReviewSource.GOOGLE, 0, 2).total()).as("a filtered list still counts").isEqualTo(4);

        given(a.draftRequested(null, OWNER)); // a batch that only changes a review leaves the count as it is
        assertThat(list(null, 1, 2).total()).isEqualTo(3);

        given(ReviewStory.google(shop, "t-d").at(Instant.parse("2026-11-10T03:00:00Z")).received(4, "D", "four"));

        // a batch that adds a review counts the shop again
        assertThat(list(null, 1, 2).total()).isEqualTo(5);
        assertThat(list(null, 0, 2).total()).isEqualTo(5);
    }

    @Test
    void aShopsRowMadeByABatchThatOnlyChangesAReviewIsCountedAtOnce() {
        ReviewStory a = ReviewStory.google(shop, "r-a");
        given(a.received(5, "A", "one"), ReviewStory.google(shop, "r-b").received(4, "B", "two"));
        jdbc.update("DELETE FROM review_inbox_shop WHERE shop_id = ?", shop.value()); // say, lost in a restore

        given(a.draftRequested(null, OWNER));

        assertThat(stampRow(shop)).containsEntry("reviews", 2L);
    }

    @Test
    void aShopWithoutItsRowIsCountedAsBefore() {
        ShopId unstamped = ShopId.random();
        insertBehindTheProjectionsBack(unstamped, "2026-11-09T00:00:00Z");
        insertBehindTheProjectionsBack(unstamped, "2026-11-09T01:00:00Z");
        insertBehindTheProjectionsBack(unstamped, "2026-11-09T02:00:00Z");

        PageResult<ReviewView> page = query(new FindReviews(unstamped, null, null, null, null, 0, 2), PageResult.class);

        assertThat(page.items()).hasSize(2);
        assertThat(page.total()).isEqualTo(3);
        assertThat(query(new FindReviews(ShopId.random(), null, null, null, null, 0, 20), PageResult.class).total())
                .isZero();
    }

    @Test
    void theFirstPageIsThisNodesCopyUntilTheProjectionChangesTheShop() {
        ReviewStory a = ReviewStory.google(shop, "p-a").at(Instant.parse("2026-11-10T00:00:00Z"));
        ReviewStory b = ReviewStory.google(shop, "p-b").at(Instant.parse("2026-11-10T01:00:00Z"));
        given(a.received(5, "A", "as the projection wrote it"));
        assertThat(comments(list(null, 0, 20))).containsExactly("as the projection wrote it");

        changeCommentBehindTheProjectionsBack(a, "changed behind its back");

        assertThat(comments(list(null, 0, 20))).as("the copy").containsExactly("as the projection wrote it");
        assertThat(comments(watchFirstPage())).as("the live view's first page is the same copy")
                .containsExactly("as the projection wrote it");
        assertThat(comments(list(ReviewSource.GOOGLE, 0, 20))).as("a filtered list is read every time")
                .containsExactly("changed behind its back");
        assertThat(comments(list(null, 0, 10))).as("another size is another page")
                .containsExactly("changed behind its back");

        given(b.received(4, "B", "a new review"));

        assertThat(comments(list(null, 0, 20))).containsExactly("a new review", "changed behind its back");
        assertThat(list(null, 0, 20).total()).isEqualTo(2);
    }

    @Test
    void aDeletedApproversNameReachesEveryShopsCopy() {
        Actor leaving = Actor.user(UUID.randomUUID(), "박매니저");
        ReviewStory review = ReviewStory.google(shop, "e-a");
        given(review.received(4, "Lee", "nice"), review.edited("고마워요", leaving), review.approved(leaving));
        assertThat(list(null, 0, 20).items().get(0).reply().approvedBy().name()).isEqualTo("박매니저");

        // the event names no review of this shop: only the stamp of every shop tells the copy it is stale
        given(new GenericDomainEventMessage<>("User", leaving.userId().toString(), 0,
                new UserErased(leaving.userId(), List.of(), Instant.now())));

        assertThat(list(null, 0, 20).items().get(0).reply().approvedBy().name()).isEqualTo("(deleted user)");
    }

    @Test
    void withNoCopiesKeptEveryFirstPageIsRead() {
        ReviewStory a = ReviewStory.google(shop, "o-a");
        given(a.received(5, "A", "as the projection wrote it"));
        ReviewInboxQueries keeping = new ReviewInboxQueries(namedJdbc, new InboxFirstPages(256));
        ReviewInboxQueries notKeeping = new ReviewInboxQueries(namedJdbc, new InboxFirstPages(0));
        FindReviews firstPage = new FindReviews(shop, null, null, null, null, 0, 20);
        assertThat(comments(keeping.handle(firstPage))).containsExactly("as the projection wrote it");
        assertThat(comments(notKeeping.handle(firstPage))).containsExactly("as the projection wrote it");

        changeCommentBehindTheProjectionsBack(a, "changed behind its back");

        assertThat(comments(keeping.handle(firstPage))).containsExactly("as the projection wrote it");
        assertThat(comments(notKeeping.handle(firstPage))).containsExactly("changed behind its back");
    }

    @Test
    void aResetClearsTheShopsRowsAndTheReplayStampsThemAnew() {
        ReviewStory a = ReviewStory.google(shop, "r-a");
        given(a.received(5, "A", "as the projection wrote it"), ReviewStory.google(shop, "r-b").received(4, "B", "b"));
        long before = (Long) stampRow(shop).get("stamp");
        changeCommentBehindTheProjectionsBack(a, "changed behind its back");
        assertThat(comments(list(null, 0, 20))).contains("changed behind its back"); // kept with the stamp `before`

        var processor = processor(ReviewInboxProjection.GROUP);
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM review_inbox_shop", Long.class)).isZero();
        processor.start();
        awaitProjections();

        Map<String, Object> after = stampRow(shop);
        assertThat(after).containsEntry("reviews", 2L);
        assertThat((Long) after.get("stamp")).as("a stamp from the sequence, never one from before the reset")
                .isGreaterThan(before);
        assertThat(comments(list(null, 0, 20))).contains("as the projection wrote it")
                .doesNotContain("changed behind its back");
    }

    private Map<String, Object> stampRow(ShopId shopId) {
        return jdbc.queryForMap("SELECT reviews, stamp FROM review_inbox_shop WHERE shop_id = ?", shopId.value());
    }

    private void insertBehindTheProjectionsBack(ShopId shopId, String createdAt) {
        jdbc.update("INSERT INTO review_view (id, shop_id, source, external_id, rating, comment, created_at, status, "
                + "version) VALUES (?, ?, 'GOOGLE', ?, 5, 'stray', ?::timestamptz, 'NEW', 0)", UUID.randomUUID(),
                shopId.value(), "stray-" + UUID.randomUUID(), createdAt);
    }

    private void changeCommentBehindTheProjectionsBack(ReviewStory review, String comment) {
        assertThat(jdbc.update("UPDATE review_view SET comment = ? WHERE id = ?", comment, review.id().value()))
                .isOne();
    }

    @SuppressWarnings("unchecked")
    private PageResult<ReviewView> list(ReviewSource source, int page, int size) {
        return query(new FindReviews(shop, null, null, source, null, page, size), PageResult.class);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private PageResult<ReviewView> watchFirstPage() {
        SubscriptionQueryResult<PageResult, ReviewView> watch = queries.subscriptionQuery(new WatchShopReviews(shop),
                ResponseTypes.instanceOf(PageResult.class), ResponseTypes.instanceOf(ReviewView.class));
        try {
            return watch.initialResult().block(java.time.Duration.ofSeconds(10));
        } finally {
            watch.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> comments(PageResult<?> page) {
        return ((PageResult<ReviewView>) page).items().stream().map(ReviewView::comment).toList();
    }
}
