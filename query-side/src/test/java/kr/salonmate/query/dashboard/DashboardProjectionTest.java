package kr.salonmate.query.dashboard;

import static kr.salonmate.query.support.ReviewStory.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import kr.salonmate.messages.review.DashboardView;
import kr.salonmate.messages.review.FetchDashboard;
import kr.salonmate.messages.shop.ReviewsSynced;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.support.ProjectionTest;
import kr.salonmate.query.support.ReviewStory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;

class DashboardProjectionTest extends ProjectionTest {

    private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

    private final ShopId shop = ShopId.random();

    @Test
    void countsReviewsByStateAndComputesRatingReplyRateAndMedianResponseTime() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(ReviewStory.google(shop, "d-new").received(5, "a", "x"));
        ReviewStory drafting = ReviewStory.google(shop, "d-drafting");
        events.add(drafting.received(4, "b", "x"));
        events.add(drafting.draftRequested(null, OWNER));
        ReviewStory drafted = ReviewStory.google(shop, "d-drafted");
        events.addAll(List.of(drafted.received(3, "c", "x"), drafted.draftRequested(null, OWNER),
                drafted.drafted("thanks")));
        events.addAll(publishedAfter("d-pub-10", 5, Duration.ofMinutes(10)));
        events.addAll(publishedAfter("d-pub-30", 4, Duration.ofMinutes(30)));
        events.addAll(publishedAfter("d-pub-90", 2, Duration.ofMinutes(90)));
        ReviewStory failed = ReviewStory.google(shop, "d-failed");
        events.addAll(List.of(failed.received(1, "e", "x"), failed.draftRequested(null, OWNER),
                failed.drafted("sorry"), failed.approved(OWNER), failed.publishFailed("PERMISSION_DENIED", "no")));
        ReviewStory elsewhere = ReviewStory.google(shop, "d-elsewhere");
        events.addAll(List.of(elsewhere.received(4, "f", "x"), elsewhere.foundAtSource("hi")));
        events.add(synced(shop, 0, DAY.plus(Duration.ofHours(5))));

        given(events.toArray(DomainEventMessage<?>[]::new));

        DashboardView dashboard = query(new FetchDashboard(shop), DashboardView.class);
        assertThat(dashboard.reviews()).isEqualTo(new DashboardView.ReviewCounts(8, 2, 1, 3, 1));
        assertThat(dashboard.averageRating()).isCloseTo(28.0 / 8, within(1e-9));
        assertThat(dashboard.replyRate()).isCloseTo(4.0 / 8, within(1e-9));
        assertThat(dashboard.medianResponseMinutes()).isCloseTo(30.0, within(1e-9));
        assertThat(dashboard.posts()).isEqualTo(new DashboardView.PostCounts(0, 0));
        assertThat(dashboard.lastSyncAt()).isEqualTo(DAY.plus(Duration.ofHours(5)));
    }

    @Test
    void aShopWithoutReviewsHasNoAverageNoMedianAndAZeroReplyRate() {
        DashboardView dashboard = query(new FetchDashboard(ShopId.random()), DashboardView.class);

        assertThat(dashboard.reviews()).isEqualTo(new DashboardView.ReviewCounts(0, 0, 0, 0, 0));
        assertThat(dashboard.averageRating()).isNull();
        assertThat(dashboard.medianResponseMinutes()).isNull();
        assertThat(dashboard.replyRate()).isZero();
        assertThat(dashboard.lastSyncAt()).isNull();
    }

    @Test
    void anEditAtTheSourceChangesTheAverageAndAFailedDraftCountsAsNewAgain() {
        ReviewStory review = ReviewStory.google(shop, "d-edit");
        given(review.received(1, "g", "bad"), review.draftRequested(null, OWNER), review.draftFailed("timeout"),
                review.editedAtSource(5, "actually great"));

        DashboardView dashboard = query(new FetchDashboard(shop), DashboardView.class);
        assertThat(dashboard.averageRating()).isEqualTo(5.0);
        assertThat(dashboard.reviews().newCount()).isEqualTo(1);
    }

    @Test
    void subscribersGetTheWholeNewDashboardAfterEachChangeOfTheirShop() {
        ReviewStory review = ReviewStory.google(shop, "d-live");
        SubscriptionQueryResult<DashboardView, DashboardView> watch = queries.subscriptionQuery(
                new FetchDashboard(shop), ResponseTypes.instanceOf(DashboardView.class),
                ResponseTypes.instanceOf(DashboardView.class));
        try {
            assertThat(watch.initialResult().block(Duration.ofSeconds(10)).reviews().total()).isZero();

            // the processor takes events a hundred to a batch and pushes once per batch and shop
            Iterator<DashboardView> updates = watch.updates().timeout(Duration.ofSeconds(20)).toIterable().iterator();
            publish(ReviewStory.google(ShopId.random(), "d-other").received(1, "x", "other shop"));
            publish(review.received(4, "h", "nice"));
            DashboardView received = updates.next();
            assertThat(received.reviews().total()).isEqualTo(1);
            assertThat(received.reviews().newCount()).isEqualTo(1);
            assertThat(received.averageRating()).isEqualTo(4.0);

            publish(review.draftRequested(null, OWNER), review.drafted("thanks"));
            DashboardView drafted = updates.next();
            while (drafted.reviews().awaitingApproval() == 0) {
                assertThat(drafted.reviews().total()).isEqualTo(1); // the draft asked for, in a batch of its own
                drafted = updates.next();
            }
            assertThat(drafted.reviews().total()).isEqualTo(1);
            assertThat(drafted.reviews().newCount()).isZero();
            assertThat(drafted.averageRating()).isEqualTo(4.0);
        } finally {
            watch.close();
        }
    }

    private List<DomainEventMessage<?>> publishedAfter(String externalId, int rating, Duration responseTime) {
        ReviewStory review = ReviewStory.google(shop, externalId).at(DAY);
        List<DomainEventMessage<?>> events = new ArrayList<>(List.of(review.received(rating, "p", "x"),
                review.draftRequested(null, OWNER), review.drafted("thanks"), review.approved(OWNER)));
        events.add(review.at(DAY.plus(responseTime)).published());
        return events;
    }

    static DomainEventMessage<?> synced(ShopId shopId, long sequence, Instant at) {
        return new GenericDomainEventMessage<>("Shop", shopId.toString(), sequence, new ReviewsSynced(shopId, 3, at));
    }
}
