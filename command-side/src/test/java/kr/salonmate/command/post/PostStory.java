package kr.salonmate.command.post;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import kr.salonmate.messages.common.Actor;
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
import kr.salonmate.messages.review.TokenUsage;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * One post's story in small steps: {@code given(created(), drafted(CAPTION, TAGS), scheduled(TOMORROW))}. Every
 * event happens {@link #NOW} by {@link #CLOCK}.
 */
final class PostStory {

    static final Instant NOW = Instant.parse("2026-11-27T03:15:00Z");
    static final Instant TOMORROW = NOW.plusSeconds(86_400);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final ShopId SHOP = ShopId.of("7d4f2c1e-0b9a-4f6e-9c33-1a2b3c4d5e6f");
    static final PostId POST = PostId.of("c0ffee00-0000-4000-8000-000000000001");
    static final UUID PHOTO_1 = UUID.fromString("a0000000-0000-4000-8000-000000000001");
    static final UUID PHOTO_2 = UUID.fromString("a0000000-0000-4000-8000-000000000002");
    static final List<UUID> PHOTOS = List.of(PHOTO_1, PHOTO_2);
    static final String BRIEF = "겨울 레이어드 컷 신규 스타일";

    static final UUID FIRST_REQUEST = UUID.fromString("dddddddd-0000-4000-8000-000000000001");
    static final UUID SECOND_REQUEST = UUID.fromString("dddddddd-0000-4000-8000-000000000002");
    static final UUID FIRST_PUBLICATION = UUID.fromString("eeeeeeee-0000-4000-8000-000000000001");
    static final UUID SECOND_PUBLICATION = UUID.fromString("eeeeeeee-0000-4000-8000-000000000002");

    static final String CAPTION = "겨울엔 가볍게 ✂️ 레이어드 컷으로 분위기 전환!";
    static final List<String> TAGS = List.of("레이어드컷", "헤어살롱", "winterhair");
    static final String MODEL = "gpt-4o";
    static final String PROMPT_VERSION = "caption-v1";
    static final TokenUsage TOKENS = new TokenUsage(380, 92);

    static final Actor STAFF = Actor.user(UUID.fromString("11111111-1111-1111-1111-111111111111"), "박스태프");
    static final Actor MANAGER = Actor.user(UUID.fromString("22222222-2222-2222-2222-222222222222"), "김매니저");

    private PostStory() {
    }

    /** Ids the aggregate makes up itself are random and left out of event comparisons. */
    static FixtureConfiguration<Post> postFixture() {
        FixtureConfiguration<Post> fixture = new AggregateTestFixture<>(Post.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerIgnoredField(PostCreated.class, "draftRequestId");
        fixture.registerIgnoredField(CaptionDraftRequested.class, "draftRequestId");
        fixture.registerIgnoredField(PostScheduled.class, "publicationId");
        fixture.registerIgnoredField(PostPublishingStarted.class, "publicationId");
        return fixture;
    }

    static PostCreated created() {
        return created(PHOTOS);
    }

    static PostCreated created(List<UUID> photos) {
        return new PostCreated(POST, SHOP, photos, BRIEF, FIRST_REQUEST, STAFF, NOW);
    }

    static CaptionDraftRequested draftRequested(UUID request) {
        return new CaptionDraftRequested(POST, SHOP, request, BRIEF, PHOTOS.size(), STAFF, NOW);
    }

    static CaptionDrafted drafted() {
        return drafted(FIRST_REQUEST, CAPTION, TAGS);
    }

    static CaptionDrafted drafted(UUID request, String caption, List<String> tags) {
        return new CaptionDrafted(POST, SHOP, request, caption, tags, MODEL, PROMPT_VERSION, TOKENS, NOW);
    }

    static CaptionDraftFailed draftFailed(UUID request) {
        return new CaptionDraftFailed(POST, SHOP, request, "model timed out", 3, NOW);
    }

    static CaptionEdited edited(String caption, List<String> tags, String previous) {
        return new CaptionEdited(POST, SHOP, caption, tags, previous, STAFF, NOW);
    }

    static PostScheduled scheduled(UUID publication, Instant at) {
        return new PostScheduled(POST, SHOP, publication, at, MANAGER, NOW);
    }

    static PostPublishingStarted publishing(UUID publication) {
        return publishing(publication, CAPTION, TAGS, MANAGER);
    }

    static PostPublishingStarted publishing(UUID publication, String caption, List<String> tags, Actor by) {
        return new PostPublishingStarted(POST, SHOP, publication, PHOTOS, caption, tags, by, NOW);
    }

    static InstagramContainerCreated containerCreated(UUID publication, String containerId) {
        return new InstagramContainerCreated(POST, SHOP, publication, containerId, NOW);
    }

    static PostPublished published(UUID publication) {
        return new PostPublished(POST, SHOP, publication, "17895695668004550", "https://www.instagram.com/p/abc/", NOW);
    }

    static PostPublishFailed publishFailed(UUID publication) {
        return new PostPublishFailed(POST, SHOP, publication, "INSTAGRAM_UNAVAILABLE", "Instagram answered 503", 5, NOW);
    }

    static PostCancelled cancelled() {
        return new PostCancelled(POST, SHOP, MANAGER, NOW);
    }
}
