package kr.salonmate.query.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.post.FindPost;
import kr.salonmate.messages.post.FindPosts;
import kr.salonmate.messages.post.PostStatus;
import kr.salonmate.messages.post.PostView;
import kr.salonmate.messages.post.WatchShopPosts;
import kr.salonmate.messages.review.DashboardView;
import kr.salonmate.messages.review.FetchDashboard;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.support.PostStory;
import kr.salonmate.query.support.ProjectionTest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;

class PostProjectionTest extends ProjectionTest {

    private final ShopId shop = ShopId.random();

    @Test
    void aPostGoesFromDraftingThroughScheduledToPublished() {
        PostStory post = PostStory.of(shop, 2).at(Instant.parse("2026-11-20T01:00:00Z"));

        given(post.created("겨울 <b>신규</b> 스타일 '; DROP TABLE post_view; --"));
        PostView created = find(post);
        assertThat(created.status()).isEqualTo(PostStatus.DRAFTING);
        assertThat(created.mediaIds()).isEqualTo(post.mediaIds());
        assertThat(created.brief()).isEqualTo("겨울 <b>신규</b> 스타일 '; DROP TABLE post_view; --");
        assertThat(created.caption()).isNull();
        assertThat(created.hashtags()).isEmpty();
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
        assertThat(created.version()).isZero();

        given(post.drafted("겨울엔 가볍게 ✂️", List.of("레이어드컷", "hair_style")));
        PostView drafted = find(post);
        assertThat(drafted.status()).isEqualTo(PostStatus.READY);
        assertThat(drafted.caption()).isEqualTo("겨울엔 가볍게 ✂️");
        assertThat(drafted.hashtags()).containsExactly("레이어드컷", "hair_style");

        Instant at = Instant.parse("2026-12-01T01:00:00Z");
        given(post.scheduled(at));
        assertThat(find(post).status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(find(post).scheduledAt()).isEqualTo(at);

        given(post.edited("수정된 캡션", List.of()));
        assertThat(find(post).status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(find(post).hashtags()).isEmpty();

        given(post.publishingStarted(), post.containerCreated("17889455560051444"));
        assertThat(find(post).status()).isEqualTo(PostStatus.PUBLISHING);

        given(post.published("17895695668004550", "https://www.instagram.com/p/abc/"));
        PostView published = find(post);
        assertThat(published.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(published.instagramMediaId()).isEqualTo("17895695668004550");
        assertThat(published.permalink()).isEqualTo("https://www.instagram.com/p/abc/");
        assertThat(published.publishedAt()).isNotNull();
        assertThat(published.failure()).isNull();
        assertThat(published.version()).isEqualTo(6);
    }

    @Test
    void failuresShowUntilTheNextAttempt() {
        PostStory post = PostStory.of(shop, 1);
        given(post.created(null), post.draftFailed("The model did not answer"));
        PostView failedDraft = find(post);
        assertThat(failedDraft.status()).isEqualTo(PostStatus.READY);
        assertThat(failedDraft.failure().code()).isEqualTo("CAPTION_DRAFT_FAILED");
        assertThat(failedDraft.failure().message()).isEqualTo("The model did not answer");
        assertThat(failedDraft.failure().attempts()).isEqualTo(3);

        given(post.draftRequested(null));
        assertThat(find(post).failure()).isNull();
        assertThat(find(post).status()).isEqualTo(PostStatus.DRAFTING);

        given(post.drafted("캡션", List.of("tag")), post.publishingStarted(),
                post.publishFailed("INSTAGRAM_TOKEN_EXPIRED", "Reconnect Instagram"));
        PostView failed = find(post);
        assertThat(failed.status()).isEqualTo(PostStatus.PUBLISH_FAILED);
        assertThat(failed.failure().code()).isEqualTo("INSTAGRAM_TOKEN_EXPIRED");
        assertThat(failed.failure().attempts()).isEqualTo(2);

        given(post.publishingStarted());
        assertThat(find(post).failure()).isNull();
        assertThat(find(post).status()).isEqualTo(PostStatus.PUBLISHING);
    }

    @Test
    void postsAreListedNewestFirstFilteredByStatusAndScopedToTheirShop() {
        PostStory older = PostStory.of(shop, 1).at(Instant.parse("2026-11-01T00:00:00Z"));
        PostStory newer = PostStory.of(shop, 3).at(Instant.parse("2026-11-10T00:00:00Z"));
        PostStory cancelled = PostStory.of(shop, 1).at(Instant.parse("2026-11-05T00:00:00Z"));
        PostStory elsewhere = PostStory.of(ShopId.random(), 1);
        given(older.created("a"), newer.created("b"), cancelled.created("c"), cancelled.cancelled(),
                elsewhere.created("other shop"));

        PageResult<PostView> all = page(new FindPosts(shop, null, 0, 20));
        assertThat(all.items()).extracting(PostView::id).containsExactly(newer.id(), cancelled.id(), older.id());
        assertThat(all.total()).isEqualTo(3);

        PageResult<PostView> drafting = page(new FindPosts(shop, PostStatus.DRAFTING, 0, 1));
        assertThat(drafting.items()).extracting(PostView::id).containsExactly(newer.id());
        assertThat(drafting.total()).isEqualTo(2);
        assertThat(drafting.size()).isEqualTo(1);

        assertThat(queryOptional(new FindPost(shop, elsewhere.id()), PostView.class)).isEmpty();
    }

    @Test
    void watchersGetEachChangeOfTheirShopsPostsInOrder() {
        PostStory post = PostStory.of(shop, 1);
        SubscriptionQueryResult<PageResult, PostView> watch = queries.subscriptionQuery(new WatchShopPosts(shop),
                ResponseTypes.instanceOf(PageResult.class), ResponseTypes.instanceOf(PostView.class));
        try {
            assertThat(watch.initialResult().block(Duration.ofSeconds(10)).items()).isEmpty();
            publish(PostStory.of(ShopId.random(), 1).created("other shop"));
            publish(post.created("brief"));
            publish(post.drafted("caption", List.of("tag")));

            List<PostView> updates = watch.updates().take(2).collectList().block(Duration.ofSeconds(20));
            assertThat(updates).extracting(PostView::status).containsExactly(PostStatus.DRAFTING, PostStatus.READY);
            assertThat(updates).extracting(PostView::id).containsOnly(post.id());
        } finally {
            watch.close();
        }
    }

    @Test
    void theDashboardCountsScheduledAndPublishedPosts() {
        PostStory scheduled = PostStory.of(shop, 1);
        PostStory published = PostStory.of(shop, 1);
        PostStory cancelledAfterScheduling = PostStory.of(shop, 1);
        PostStory ready = PostStory.of(shop, 1);
        Instant later = Instant.parse("2026-12-24T09:00:00Z");
        given(scheduled.created("a"), scheduled.drafted("x", List.of()), scheduled.scheduled(later),
                published.created("b"), published.drafted("y", List.of()), published.publishingStarted(),
                published.published("1789", null),
                cancelledAfterScheduling.created("c"), cancelledAfterScheduling.drafted("z", List.of()),
                cancelledAfterScheduling.scheduled(later), cancelledAfterScheduling.cancelled(),
                ready.created("d"), ready.drafted("w", List.of()));

        DashboardView dashboard = query(new FetchDashboard(shop), DashboardView.class);
        assertThat(dashboard.posts()).isEqualTo(new DashboardView.PostCounts(1, 1));
    }

    private PostView find(PostStory post) {
        return queryOptional(new FindPost(shop, post.id()), PostView.class).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private PageResult<PostView> page(FindPosts query) {
        return query(query, PageResult.class);
    }
}
