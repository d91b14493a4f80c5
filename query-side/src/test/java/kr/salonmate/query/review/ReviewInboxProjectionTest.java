package kr.salonmate.query.review;

import static kr.salonmate.query.support.ReviewStory.MANAGER;
import static kr.salonmate.query.support.ReviewStory.MODEL;
import static kr.salonmate.query.support.ReviewStory.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.review.FetchSyncedReviews;
import kr.salonmate.messages.review.FindReview;
import kr.salonmate.messages.review.FindReviews;
import kr.salonmate.messages.review.ReplyOrigin;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.ReviewStatus;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.review.SyncedReviews;
import kr.salonmate.messages.review.WatchShopReviews;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.support.ProjectionTest;
import kr.salonmate.query.support.ReviewStory;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;

class ReviewInboxProjectionTest extends ProjectionTest {

    private final ShopId shop = ShopId.random();

    @Test
    void aReceivedReviewIsNewAndShowsWhatTheSourceShows() {
        ReviewStory review = ReviewStory.google(shop, "g-1").at(Instant.parse("2026-11-02T09:00:00Z"));

        given(review.received(4, "민지", "커트가 마음에 들어요"));

        ReviewView view = find(review);
        assertThat(view.id()).isEqualTo(review.id());
        assertThat(view.shopId()).isEqualTo(shop);
        assertThat(view.source()).isEqualTo(ReviewSource.GOOGLE);
        assertThat(view.externalId()).isEqualTo("g-1");
        assertThat(view.author()).isEqualTo("민지");
        assertThat(view.rating()).isEqualTo(4);
        assertThat(view.comment()).isEqualTo("커트가 마음에 들어요");
        assertThat(view.createdAt()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
        assertThat(view.status()).isEqualTo(ReviewStatus.NEW);
        assertThat(view.reply()).isNull();
        assertThat(view.version()).isZero();
    }

    @Test
    void aNaverReplyIsManualAndIsPublishedOnceAPersonPastedIt() {
        ReviewStory naver = ReviewStory.naver(shop, "n-1");
        ReviewStory google = ReviewStory.google(shop, "g-manual");
        given(naver.received(5, "Kim", "좋아요"), naver.draftRequested(null, OWNER), naver.drafted("감사합니다!"),
                naver.approved(OWNER), google.received(5, "Lee", "good"), google.draftRequested(null, OWNER),
                google.drafted("Thanks"), google.approved(OWNER));

        ReviewView waiting = find(naver);
        assertThat(waiting.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(waiting.reply().manual()).isTrue();
        assertThat(waiting.reply().publishedAt()).isNull();
        assertThat(find(google).reply().manual()).isFalse();
        PageResult<ReviewView> toPaste = list(ReviewStatus.APPROVED, null, ReviewSource.NAVER, null, 0, 20);
        assertThat(toPaste.items()).extracting(ReviewView::id).containsExactly(naver.id());
        assertThat(toPaste.items().get(0).reply().manual()).isTrue();

        given(naver.postedManually(ReviewStory.MANAGER));

        ReviewView posted = find(naver);
        assertThat(posted.status()).isEqualTo(ReviewStatus.PUBLISHED);
        assertThat(posted.reply().text()).isEqualTo("감사합니다!");
        assertThat(posted.reply().publishedAt()).isNotNull();
        assertThat(posted.reply().manual()).isTrue();
        assertThat(list(ReviewStatus.APPROVED, null, ReviewSource.NAVER, null, 0, 20).items()).isEmpty();
    }

    @Test
    void eachStepOfTheReplyMovesTheReviewThroughItsStatuses() {
        ReviewStory review = ReviewStory.google(shop, "g-2");
        given(review.received(5, "Ann", "Great"));

        given(review.draftRequested(null, ReviewStory.OWNER));
        assertThat(find(review).status()).isEqualTo(ReviewStatus.DRAFTING);
        assertThat(find(review).reply()).isNull();

        given(review.drafted("감사합니다!"));
        ReviewView drafted = find(review);
        assertThat(drafted.status()).isEqualTo(ReviewStatus.DRAFTED);
        assertThat(drafted.reply().text()).isEqualTo("감사합니다!");
        assertThat(drafted.reply().origin()).isEqualTo(ReplyOrigin.AI);
        assertThat(drafted.reply().model()).isEqualTo(MODEL);
        assertThat(drafted.reply().draftedAt()).isNotNull();

        given(review.edited("감사합니다, 또 오세요!", MANAGER));
        ReviewView edited = find(review);
        assertThat(edited.status()).isEqualTo(ReviewStatus.DRAFTED);
        assertThat(edited.reply().text()).isEqualTo("감사합니다, 또 오세요!");
        assertThat(edited.reply().origin()).isEqualTo(ReplyOrigin.HUMAN);

        given(review.approved(OWNER));
        ReviewView approved = find(review);
        assertThat(approved.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(approved.reply().approvedBy()).isEqualTo(new ReviewView.Person(OWNER.userId(), OWNER.name()));
        assertThat(approved.reply().approvedAt()).isNotNull();

        given(review.publishFailed("UNAVAILABLE", "Google answered 503"));
        ReviewView failed = find(review);
        assertThat(failed.status()).isEqualTo(ReviewStatus.PUBLISH_FAILED);
        assertThat(failed.reply().failure().code()).isEqualTo("UNAVAILABLE");
        assertThat(failed.reply().failure().message()).isEqualTo("Google answered 503");
        assertThat(failed.reply().failure().attempts()).isEqualTo(5);

        given(review.publishRetried(MANAGER));
        ReviewView retried = find(review);
        assertThat(retried.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(retried.reply().failure()).isNull();
        assertThat(retried.reply().approvedBy().userId()).isEqualTo(MANAGER.userId());

        given(review.published());
        ReviewView published = find(review);
        assertThat(published.status()).isEqualTo(ReviewStatus.PUBLISHED);
        assertThat(published.reply().text()).isEqualTo("감사합니다, 또 오세요!");
        assertThat(published.reply().publishedAt()).isNotNull();
        assertThat(published.version()).isEqualTo(7);
    }

    @Test
    void oneBatchReceivesReviewsAndChangesThemAndOlderOnesAlike() {
        ReviewStory older = ReviewStory.google(shop, "b-0");
        given(older.received(3, "Kim", "보통이에요"));
        ReviewStory first = ReviewStory.google(shop, "b-1");
        ReviewStory second = ReviewStory.google(shop, "b-2");

        // one commit, so the projection gets them as one batch: the rows are read ahead once for all of them
        given(first.received(5, "Ann", "Great"), older.draftRequested(null, OWNER), second.received(1, "Bo", "별로"),
                first.draftRequested(null, OWNER), first.drafted("고맙습니다"), older.drafted("다음엔 더 잘할게요"));

        assertThat(find(first).status()).isEqualTo(ReviewStatus.DRAFTED);
        assertThat(find(first).reply().text()).isEqualTo("고맙습니다");
        assertThat(find(first).version()).isEqualTo(2);
        assertThat(find(second).status()).isEqualTo(ReviewStatus.NEW);
        assertThat(find(second).comment()).isEqualTo("별로");
        assertThat(find(older).status()).isEqualTo(ReviewStatus.DRAFTED);
        assertThat(find(older).reply().text()).isEqualTo("다음엔 더 잘할게요");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM review_view WHERE shop_id = ?", Long.class,
                shop.value())).isEqualTo(3);
    }

    @Test
    void aFailedDraftGoesBackToNewOrToTheDraftTheReviewAlreadyHad() {
        ReviewStory first = ReviewStory.google(shop, "g-3");
        ReviewStory second = ReviewStory.google(shop, "g-4");
        given(first.received(3, "A", "so-so"), first.draftRequested(null, OWNER), first.draftFailed("model timeout"),
                second.received(2, "B", "meh"), second.draftRequested(null, OWNER), second.drafted("Sorry to hear"),
                second.draftRequested("shorter", OWNER), second.draftFailed("model timeout"));

        ReviewView withoutDraft = find(first);
        assertThat(withoutDraft.status()).isEqualTo(ReviewStatus.NEW);
        assertThat(withoutDraft.reply().text()).isNull();
        assertThat(withoutDraft.reply().failure().code()).isEqualTo("DRAFT_FAILED");
        assertThat(withoutDraft.reply().failure().message()).isEqualTo("model timeout");

        ReviewView withDraft = find(second);
        assertThat(withDraft.status()).isEqualTo(ReviewStatus.DRAFTED);
        assertThat(withDraft.reply().text()).isEqualTo("Sorry to hear");
    }

    @Test
    void aRejectedReplyAndAReplyFoundAtTheSource() {
        ReviewStory rejected = ReviewStory.google(shop, "g-5");
        ReviewStory elsewhere = ReviewStory.google(shop, "g-6");
        given(rejected.received(1, "C", "bad"), rejected.draftRequested(null, OWNER), rejected.drafted("Sorry"),
                rejected.rejected("too generic", OWNER),
                elsewhere.received(5, "D", "good"), elsewhere.draftRequested(null, OWNER),
                elsewhere.drafted("Thanks"), elsewhere.approved(OWNER), elsewhere.foundAtSource("Owner says hi"));

        assertThat(find(rejected).status()).isEqualTo(ReviewStatus.REJECTED);
        ReviewView repliedElsewhere = find(elsewhere);
        assertThat(repliedElsewhere.status()).isEqualTo(ReviewStatus.REPLIED_ELSEWHERE);
        assertThat(repliedElsewhere.reply().text()).isEqualTo("Owner says hi");
        assertThat(repliedElsewhere.reply().origin()).isEqualTo(ReplyOrigin.SOURCE);
        assertThat(repliedElsewhere.reply().model()).isNull();
    }

    @Test
    void approvingAnotherTextThanTheDraftMakesTheReplyHuman() {
        ReviewStory review = ReviewStory.google(shop, "g-7");
        given(review.received(5, "E", "good"), review.draftRequested(null, OWNER), review.drafted("Thanks"),
                review.approved("Thank you so much!", OWNER));

        ReviewView view = find(review);
        assertThat(view.reply().text()).isEqualTo("Thank you so much!");
        assertThat(view.reply().origin()).isEqualTo(ReplyOrigin.HUMAN);
    }

    @Test
    void anEditAtTheSourceChangesTheReviewButNotItsStatus() {
        ReviewStory review = ReviewStory.google(shop, "g-8");
        given(review.received(2, "F", "slow"), review.draftRequested(null, OWNER), review.drafted("Sorry"));
        given(review.editedAtSource(4, "slow, but nice"));

        ReviewView view = find(review);
        assertThat(view.rating()).isEqualTo(4);
        assertThat(view.comment()).isEqualTo("slow, but nice");
        assertThat(view.status()).isEqualTo(ReviewStatus.DRAFTED);
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void theListFiltersByStatusRatingSourceAndTextAndPagesNewestFirst() {
        Instant day = Instant.parse("2026-11-10T00:00:00Z");
        ReviewStory a = ReviewStory.google(shop, "l-a").at(day);
        ReviewStory b = ReviewStory.naver(shop, "l-b").at(day.plus(Duration.ofHours(1)));
        ReviewStory c = ReviewStory.google(shop, "l-c").at(day.plus(Duration.ofHours(2)));
        ReviewStory d = ReviewStory.google(shop, "l-d").at(day.plus(Duration.ofHours(3)));
        ReviewStory e = ReviewStory.naver(shop, "l-e").at(day.plus(Duration.ofHours(4)));
        given(a.received(5, "Kim", "Best PERM ever"), b.received(1, "Park", "rude staff"),
                c.received(5, "Choi", "친절해요"), d.received(3, "Perm Lover", "ok 100%_deal"),
                e.received(5, "Jung", "좋아요"), c.draftRequested(null, OWNER), c.drafted("감사합니다"));

        assertThat(ids(list(null, null, null, null, 0, 20))).containsExactly(e.id(), d.id(), c.id(), b.id(), a.id());
        assertThat(ids(list(ReviewStatus.DRAFTED, null, null, null, 0, 20))).containsExactly(c.id());
        assertThat(ids(list(null, 5, null, null, 0, 20))).containsExactly(e.id(), c.id(), a.id());
        assertThat(ids(list(null, null, ReviewSource.NAVER, null, 0, 20))).containsExactly(e.id(), b.id());
        assertThat(ids(list(null, null, null, "perm", 0, 20))).containsExactly(d.id(), a.id());
        assertThat(ids(list(null, null, null, "0%_", 0, 20))).containsExactly(d.id());
        assertThat(ids(list(null, null, null, "친절", 0, 20))).containsExactly(c.id());
        assertThat(ids(list(null, 5, ReviewSource.GOOGLE, null, 0, 20))).containsExactly(c.id(), a.id());

        PageResult<ReviewView> second = list(null, null, null, null, 1, 2);
        assertThat(ids(second)).containsExactly(c.id(), b.id());
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.total()).isEqualTo(5);
        assertThat(list(null, null, null, null, 3, 2).items()).isEmpty();
    }

    @Test
    void anotherShopsReviewIsNeitherFoundNorListed() {
        ReviewStory review = ReviewStory.google(shop, "g-9");
        given(review.received(5, "G", "nice"));
        ShopId otherShop = ShopId.random();

        assertThat(queryOptional(new FindReview(otherShop, review.id()), ReviewView.class)).isEmpty();
        assertThat(query(new FindReview(otherShop, review.id()), ReviewView.class)).isNull();
        assertThat(queryOptional(new FindReview(shop, review.id()), ReviewView.class)).isPresent();
        assertThat(query(new FindReviews(otherShop, null, null, null, null, 0, 20), PageResult.class).total())
                .isZero();
    }

    @Test
    void aSyncLearnsHowTheReadSideShowsEachOfTheShopsReviewsFromOneSource() {
        ReviewStory plain = ReviewStory.google(shop, "g-10");
        ReviewStory answered = ReviewStory.google(shop, "g-11");
        ReviewStory otherShops = ReviewStory.google(ShopId.random(), "g-12");
        given(plain.received(4, "H", "fine"), answered.received(2, "I", "slow"),
                answered.draftRequested(null, OWNER), answered.drafted("Sorry"), answered.approved(OWNER),
                answered.foundAtSource("We fixed it"), otherShops.received(5, "J", "great"));

        SyncedReviews google = query(new FetchSyncedReviews(shop, ReviewSource.GOOGLE), SyncedReviews.class);

        assertThat(google.reviews()).containsExactlyInAnyOrder(
                new SyncedReviews.Known(plain.id(), 4, "fine", ReviewStatus.NEW, null),
                new SyncedReviews.Known(answered.id(), 2, "slow", ReviewStatus.REPLIED_ELSEWHERE, "We fixed it"));
        assertThat(query(new FetchSyncedReviews(shop, ReviewSource.NAVER), SyncedReviews.class).reviews()).isEmpty();
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void subscribersOfAShopReceiveEachChangeOfItsReviewsAfterTheFirstPage() {
        ReviewStory existing = ReviewStory.google(shop, "s-1");
        given(existing.received(4, "H", "fine"));
        ShopId otherShop = ShopId.random();
        ReviewStory elsewhere = ReviewStory.google(otherShop, "s-2");
        ReviewStory review = ReviewStory.google(shop, "s-3");

        SubscriptionQueryResult<PageResult, ReviewView> watch = queries.subscriptionQuery(new WatchShopReviews(shop),
                ResponseTypes.instanceOf(PageResult.class), ResponseTypes.instanceOf(ReviewView.class));
        try {
            PageResult<ReviewView> first = watch.initialResult().block(Duration.ofSeconds(10));
            assertThat(first.items()).extracting(ReviewView::id).containsExactly(existing.id());

            publish(elsewhere.received(5, "I", "other shop"));
            publish(review.received(5, "J", "new one"));
            publish(review.draftRequested(null, OWNER), review.drafted("고맙습니다"));

            List<ReviewView> updates = watch.updates().take(3).collectList().block(Duration.ofSeconds(20));
            assertThat(updates).extracting(ReviewView::id).containsOnly(review.id());
            assertThat(updates).extracting(ReviewView::status)
                    .containsExactly(ReviewStatus.NEW, ReviewStatus.DRAFTING, ReviewStatus.DRAFTED);
            assertThat(updates.get(2).reply().text()).isEqualTo("고맙습니다");
            // the update is sent after the inbox committed: a query right away sees the same state
            assertThat(find(review).version()).isEqualTo(updates.get(2).version());
        } finally {
            watch.close();
        }
    }

    private ReviewView find(ReviewStory review) {
        return queryOptional(new FindReview(review.shopId(), review.id()), ReviewView.class).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private PageResult<ReviewView> list(ReviewStatus status, Integer rating, ReviewSource source, String text,
                                        int page, int size) {
        return query(new FindReviews(shop, status, rating, source, text, page, size), PageResult.class);
    }

    private static List<Object> ids(PageResult<ReviewView> page) {
        return page.items().stream().map(v -> (Object) v.id()).toList();
    }
}
