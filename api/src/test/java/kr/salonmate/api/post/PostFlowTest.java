package kr.salonmate.api.post;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.support.FakeInstagram;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.StompTestClient;
import kr.salonmate.api.support.TestImages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Posts through the real HTTP API and a real STOMP socket, with Instagram played over HTTP by {@link FakeInstagram}
 * (which fetches every photo like Meta's crawler does): drafted, edited, published exactly once — also when
 * Instagram's answer is lost, a container never finishes, the permalink cannot be read, the quota is used up —
 * and on schedule.
 */
class PostFlowTest extends IntegrationTest {

    @Test
    void aCarouselIsDraftedEditedAndPublishedOnInstagramAndShowsLive() throws Exception {
        Owner owner = signUp("살롱 루미");
        FakeInstagram.Account account = connectInstagram(owner);
        List<String> photos = List.of(photo(owner, 1080, 1350), photo(owner, 1080, 1080));

        try (StompTestClient stomp = StompTestClient.connect(wsUrl(), owner.token())) {
            StompTestClient.Subscription posts = stomp.subscribe("/topic/shops/" + owner.shopId() + "/posts");
            StompTestClient.Subscription dashboard = stomp.subscribe("/topic/shops/" + owner.shopId() + "/dashboard");

            HttpApi.Response created = api.post(owner.shop("/posts"), owner.token(),
                    Map.of("mediaIds", photos, "brief", "겨울 레이어드 컷 <b>신규</b> 😊"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode post = created.json();
            String postId = post.path("id").asText();
            assertThat(post.path("shopId").asText()).isEqualTo(owner.shopId());
            assertThat(post.path("brief").asText()).isEqualTo("겨울 레이어드 컷 <b>신규</b> 😊");
            assertThat(post.path("media")).hasSize(2);
            assertThat(post.path("media").path(0).path("id").asText()).isEqualTo(photos.get(0));
            assertThat(post.path("media").path(0).path("url").asText()).contains("/v1/media/" + photos.get(0));

            JsonNode ready = posts.await(p -> p.path("id").asText().equals(postId)
                    && p.path("status").asText().equals("READY"), Duration.ofSeconds(20));
            assertThat(ready.path("caption").asText()).contains("겨울 레이어드 컷");
            assertThat(ready.path("hashtags").size()).isBetween(5, 15);
            assertThat(ready.path("media").path(1).path("url").asText()).contains("signature=");

            long version = api.get(owner.shop("/posts/" + postId), owner.token()).json().path("version").asLong();
            HttpApi.Response stale = api.put(owner.shop("/posts/" + postId), owner.token(),
                    Map.of("caption", "오래된 화면", "hashtags", List.of(), "expectedVersion", version - 1));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.errorCode()).isEqualTo("VERSION_MISMATCH");

            HttpApi.Response edited = api.put(owner.shop("/posts/" + postId), owner.token(), Map.of(
                    "caption", "이번 주 예약 오픈! ✂️", "hashtags", List.of("#살롱루미", "레이어드컷"),
                    "expectedVersion", version));
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);
            assertThat(edited.json().path("caption").asText()).isEqualTo("이번 주 예약 오픈! ✂️");
            assertThat(edited.json().path("hashtags").toString()).isEqualTo("[\"살롱루미\",\"레이어드컷\"]");

            HttpApi.Response publish = api.post(owner.shop("/posts/" + postId + "/publish"), owner.token(), Map.of());
            assertThat(publish.status()).as(publish.body()).isEqualTo(202);
            assertThat(publish.json().path("status").asText()).isIn("PUBLISHING", "PUBLISHED");

            JsonNode published = posts.await(p -> p.path("id").asText().equals(postId)
                    && p.path("status").asText().equals("PUBLISHED"), Duration.ofSeconds(20));
            assertThat(published.path("instagramMediaId").asText()).isEqualTo(account.published().get(0));
            assertThat(published.path("permalink").asText()).startsWith("https://www.instagram.com/p/");
            assertThat(published.path("publishedAt").asText()).endsWith("Z");
            assertThat(published.path("failure").isNull()).isTrue();

            assertThat(account.published()).hasSize(1);
            assertThat(INSTAGRAM.captionOf(account.published().get(0)))
                    .isEqualTo("이번 주 예약 오픈! ✂️\n\n#살롱루미 #레이어드컷");
            List<FakeInstagram.Container> children = INSTAGRAM.containersOf(account).stream()
                    .filter(FakeInstagram.Container::carouselItem).toList();
            assertThat(children).hasSize(2).allSatisfy(child -> {
                assertThat(child.fetchedContentType()).isEqualTo("image/jpeg");
                assertThat(child.fetchedBytes()).isPositive();
                assertThat(child.caption()).isNull();
            });
            assertThat(account.limitChecks()).isGreaterThanOrEqualTo(1);

            JsonNode counters = dashboard.await(d -> d.path("posts").path("published").asLong() == 1,
                    Duration.ofSeconds(10));
            assertThat(counters.path("posts").path("scheduled").asLong()).isZero();

            HttpApi.Response cancel = api.post(owner.shop("/posts/" + postId + "/cancel"), owner.token(), null);
            assertThat(cancel.status()).isEqualTo(409);
            HttpApi.Response again = api.post(owner.shop("/posts/" + postId + "/publish"), owner.token(), Map.of());
            assertThat(again.status()).isEqualTo(409);
            assertThat(account.published()).hasSize(1);
        }
    }

    @Test
    void aPublishWhoseAnswerIsLostIsPublishedExactlyOnce() {
        Owner owner = signUp("살롱 재시도");
        FakeInstagram.Account account = connectInstagram(owner).nextPublishLandsButAnswers500();
        String postId = readyPost(owner, photo(owner, 1080, 1080));

        api.post(owner.shop("/posts/" + postId + "/publish"), owner.token(), null);

        JsonNode post = awaitStatus(owner, postId, "PUBLISHED");
        assertThat(account.publishCalls()).isEqualTo(1);
        assertThat(account.published()).hasSize(1);
        assertThat(post.path("instagramMediaId").asText()).isEqualTo(account.published().get(0));
    }

    @Test
    void aPublishThatFailsTransientlyIsTriedAgainAndPublishedOnce() {
        Owner owner = signUp("살롱 503");
        FakeInstagram.Account account = connectInstagram(owner).nextPublishFailsWith503();
        String postId = readyPost(owner, photo(owner, 1080, 1080));

        api.post(owner.shop("/posts/" + postId + "/publish"), owner.token(), null);

        awaitStatus(owner, postId, "PUBLISHED");
        assertThat(account.publishCalls()).isEqualTo(2);
        assertThat(account.published()).hasSize(1);
    }

    @Test
    void aContainerStuckInProgressFailsAfterTheLimitWithoutPublishing() {
        Owner owner = signUp("살롱 지연");
        FakeInstagram.Account account = connectInstagram(owner).containersStayInProgress();
        String postId = readyPost(owner, photo(owner, 1080, 1080));

        api.post(owner.shop("/posts/" + postId + "/publish"), owner.token(), null);

        JsonNode post = awaitStatus(owner, postId, "PUBLISH_FAILED");
        assertThat(post.path("failure").path("code").asText()).isEqualTo("INSTAGRAM_CONTAINER_TIMEOUT");
        assertThat(post.path("failure").path("message").asText()).contains("did not finish processing");
        assertThat(account.publishCalls()).isZero();
    }

    @Test
    void aPermalinkThatCannotBeReadLeavesThePostPublished() {
        Owner owner = signUp("살롱 링크실패");
        FakeInstagram.Account account = connectInstagram(owner).permalinkFails();
        String postId = readyPost(owner, photo(owner, 1080, 1080));

        api.post(owner.shop("/posts/" + postId + "/publish"), owner.token(), null);

        JsonNode post = awaitStatus(owner, postId, "PUBLISHED");
        assertThat(post.path("permalink").isNull()).isTrue();
        assertThat(post.path("instagramMediaId").asText()).isEqualTo(account.published().get(0));
        assertThat(post.path("failure").isNull()).isTrue();
    }

    @Test
    void anExhaustedQuotaFailsClearlyWithoutCallingPublish() {
        Owner owner = signUp("살롱 한도");
        FakeInstagram.Account account = connectInstagram(owner).quota(100, 100);
        String postId = readyPost(owner, photo(owner, 1080, 1080));

        api.post(owner.shop("/posts/" + postId + "/publish"), owner.token(), null);

        JsonNode post = awaitStatus(owner, postId, "PUBLISH_FAILED");
        assertThat(post.path("failure").path("code").asText()).isEqualTo("INSTAGRAM_QUOTA_EXHAUSTED");
        assertThat(post.path("failure").path("message").asText()).contains("100 of the 100 posts");
        assertThat(account.publishCalls()).isZero();

        account.quota(0, 100);
        HttpApi.Response retry = api.post(owner.shop("/posts/" + postId + "/publish"), owner.token(), null);
        assertThat(retry.status()).isEqualTo(202);
        awaitStatus(owner, postId, "PUBLISHED");
        assertThat(account.published()).hasSize(1);
    }

    @Test
    void aScheduledPostIsPublishedAtItsTimeAndNotBefore() throws Exception {
        Owner owner = signUp("살롱 예약");
        FakeInstagram.Account account = connectInstagram(owner);
        String postId = readyPost(owner, photo(owner, 1080, 1080));
        Instant at = Instant.now().plusSeconds(4).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String atSeoul = OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(9)).toString();

        HttpApi.Response scheduled = api.post(owner.shop("/posts/" + postId + "/publish"), owner.token(),
                Map.of("at", atSeoul));

        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(202);
        assertThat(scheduled.json().path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(scheduled.json().path("scheduledAt").asText()).isEqualTo(at.toString());
        // the answer waited for the posts read model only; the dashboard's is a projection of its own
        assertThat(eventually(() -> api.get(owner.shop("/dashboard"), owner.token()).json().path("posts")
                .path("scheduled").asLong(), n -> n == 1, "the post scheduled on the dashboard")).isEqualTo(1);
        assertThat(account.publishCalls()).isZero();

        awaitStatus(owner, postId, "PUBLISHED");
        assertThat(Instant.now()).isAfterOrEqualTo(at);
        assertThat(account.published()).hasSize(1);
        // "not before" without sleeping: Instagram was first asked to publish at the time or later (the saga's own
        // timing is proven on the fixture's clock: PostPublishingTest.atItsTimeTheScheduledPublicationIsStarted…)
        assertThat(account.firstPublishCallAt()).isAfterOrEqualTo(at);
    }

    @Test
    void aScheduledPostCanBeCancelledAndIsNeverPublished() throws Exception {
        Owner owner = signUp("살롱 취소");
        FakeInstagram.Account account = connectInstagram(owner);
        String postId = readyPost(owner, photo(owner, 1080, 1080));
        api.post(owner.shop("/posts/" + postId + "/publish"), owner.token(),
                Map.of("at", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).toString()));

        HttpApi.Response cancelled = api.post(owner.shop("/posts/" + postId + "/cancel"), owner.token(), null);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        // "never" is proven on the saga fixture's clock, not by sleeping past the time here:
        // PostPublishingTest.aCancelledPostIsNotStartedWhenItsTimeComes
        assertThat(account.publishCalls()).isZero();
        assertThat(api.get(owner.shop("/posts/" + postId), owner.token()).json().path("status").asText())
                .isEqualTo("CANCELLED");
    }

    @Test
    void aShopWithoutInstagramGetsAClearFailure() {
        Owner owner = signUp("살롱 미연결");
        String postId = readyPost(owner, photo(owner, 1080, 1080));

        api.post(owner.shop("/posts/" + postId + "/publish"), owner.token(), null);

        JsonNode post = awaitStatus(owner, postId, "PUBLISH_FAILED");
        assertThat(post.path("failure").path("code").asText()).isEqualTo("INSTAGRAM_NOT_CONNECTED");
    }

    @Test
    void aNewCaptionCanBeAskedForWithAnotherBrief() {
        Owner owner = signUp("살롱 재작성");
        String postId = readyPost(owner, photo(owner, 1080, 1080));
        String path = owner.shop("/posts/" + postId);

        HttpApi.Response redraft = api.post(path + "/caption/draft", owner.token(), Map.of("brief", "봄 신상 컬러"));

        assertThat(redraft.status()).as(redraft.body()).isEqualTo(202);
        assertThat(redraft.json().path("status").asText()).isIn("DRAFTING", "READY");
        JsonNode ready = eventually(() -> api.get(path, owner.token()).json(),
                p -> p.path("status").asText().equals("READY") && p.path("caption").asText().contains("봄 신상 컬러"),
                "the new caption");
        assertThat(ready.path("brief").asText()).isEqualTo("봄 신상 컬러");
        expect400(api.post(path + "/caption/draft", owner.token(), Map.of("brief", "가".repeat(1_001))),
                "VALIDATION_FAILED");
    }

    // --- the Instagram connection --------------------------------------------------------------------------

    @Test
    void theInstagramTokenIsCheckedStoredEncryptedAndNeverShown() {
        Owner owner = signUp("살롱 연결");
        FakeInstagram.Account account = INSTAGRAM.newAccount();

        HttpApi.Response wrongToken = api.put(owner.shop("/connections/instagram"), owner.token(),
                Map.of("igUserId", account.igUserId(), "accessToken", "IGQVJ-forged"));
        assertThat(wrongToken.status()).isEqualTo(400);
        assertThat(wrongToken.errorCode()).isEqualTo("VALIDATION_FAILED");

        HttpApi.Response notNumeric = api.put(owner.shop("/connections/instagram"), owner.token(),
                Map.of("igUserId", "@salon.lumi", "accessToken", account.token()));
        assertThat(notNumeric.status()).isEqualTo(400);

        HttpApi.Response connected = api.put(owner.shop("/connections/instagram"), owner.token(),
                Map.of("igUserId", account.igUserId(), "accessToken", account.token()));
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        assertThat(connected.json().path("connections").path("instagram").path("igUserId").asText())
                .isEqualTo(account.igUserId());
        assertThat(connected.json().path("connections").path("instagram").path("connectedAt").asText()).endsWith("Z");
        assertThat(connected.body()).doesNotContain(account.token());
        assertThat(api.get(owner.shop(""), owner.token()).body()).doesNotContain(account.token())
                .contains(account.igUserId());
    }

    @Test
    void onlyOwnersConnectInstagramAndOnlyManagersPublish() {
        Owner owner = signUp("살롱 권한");
        Owner stranger = signUp("남의 살롱");
        FakeInstagram.Account account = INSTAGRAM.newAccount();
        HttpApi.Response foreign = api.put(owner.shop("/connections/instagram"), stranger.token(),
                Map.of("igUserId", account.igUserId(), "accessToken", account.token()));
        assertThat(foreign.status()).isEqualTo(403);
        String postId = readyPost(owner, photo(owner, 1080, 1080));
        for (String path : List.of("/posts/" + postId, "/posts/" + postId + "/publish", "/posts/" + postId + "/cancel")) {
            HttpApi.Response response = path.endsWith(postId) ? api.get(owner.shop(path), stranger.token())
                    : api.post(owner.shop(path), stranger.token(), null);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(api.get(owner.shop("/posts"), stranger.token()).status()).isEqualTo(403);
        assertThat(api.get(owner.shop("/posts"), null).status()).isEqualTo(401);
        // another shop's post id under one's own shop is simply not there
        String strangersPost = readyPost(stranger, photo(stranger, 1080, 1080));
        HttpApi.Response crossed = api.get(owner.shop("/posts/" + strangersPost), owner.token());
        assertThat(crossed.status()).isEqualTo(404);
        assertThat(crossed.errorCode()).isEqualTo("POST_NOT_FOUND");
    }

    // --- bad input -----------------------------------------------------------------------------------------

    @Test
    void badPostInputGetsTheDocumentedErrorsAndNothingIsWritten() {
        Owner owner = signUp("살롱 검증");
        String photo = photo(owner, 1080, 1080);
        long before = postsOf(owner);

        expect400(api.send("POST", owner.shop("/posts"), owner.token(), "{\"mediaIds\": [", Map.of()),
                "MALFORMED_REQUEST");
        expect400(api.post(owner.shop("/posts"), owner.token(), Map.of("mediaIds", List.of())), "VALIDATION_FAILED");
        expect400(api.post(owner.shop("/posts"), owner.token(), Map.of("mediaIds", "not-a-list")), "VALIDATION_FAILED");
        expect400(api.post(owner.shop("/posts"), owner.token(), Map.of("mediaIds", List.of("not-a-uuid"))),
                "VALIDATION_FAILED");
        expect400(api.post(owner.shop("/posts"), owner.token(), Map.of("brief", "no photos")), "VALIDATION_FAILED");
        expect400(api.post(owner.shop("/posts"), owner.token(), Map.of("mediaIds", List.of(photo), "color", "red")),
                "VALIDATION_FAILED");
        expect400(api.post(owner.shop("/posts"), owner.token(), Map.of("mediaIds", List.of(photo),
                "brief", "가".repeat(10_000))), "VALIDATION_FAILED");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(java.util.UUID.randomUUID().toString());
        }
        expect400(api.post(owner.shop("/posts"), owner.token(), Map.of("mediaIds", eleven)), "VALIDATION_FAILED");
        expect400(api.post(owner.shop("/posts"), owner.token(), Map.of("mediaIds", List.of(photo, photo))),
                "VALIDATION_FAILED");
        expect400(api.post(owner.shop("/posts"), owner.token(),
                Map.of("mediaIds", List.of(java.util.UUID.randomUUID().toString()))), "VALIDATION_FAILED");
        Owner stranger = signUp("남의 사진");
        expect400(api.post(owner.shop("/posts"), owner.token(), Map.of("mediaIds", List.of(photo(stranger, 1080, 1080)))),
                "VALIDATION_FAILED");
        HttpApi.Response wrongType = api.send("POST", owner.shop("/posts"), owner.token(), "mediaIds=x",
                Map.of("Content-Type", "text/plain"));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(postsOf(owner)).isEqualTo(before);

        HttpApi.Response tooWide = api.post(owner.shop("/posts"), owner.token(),
                Map.of("mediaIds", List.of(photo(owner, 2000, 1000))));
        expect400(tooWide, "VALIDATION_FAILED");
        assertThat(tooWide.body()).contains("4:5").contains("1.91:1");
        expect400(api.post(owner.shop("/posts"), owner.token(), Map.of("mediaIds", List.of(photo(owner, 1000, 1300)))),
                "VALIDATION_FAILED");
        assertThat(postsOf(owner)).isEqualTo(before);

        expect400(api.get(owner.shop("/posts?status=SOMETIMES"), owner.token()), "VALIDATION_FAILED");
        expect400(api.get(owner.shop("/posts?size=0"), owner.token()), "VALIDATION_FAILED");
        HttpApi.Response missing = api.get(owner.shop("/posts/" + java.util.UUID.randomUUID()), owner.token());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("POST_NOT_FOUND");
        expect400(api.get(owner.shop("/posts/not-a-uuid"), owner.token()), "VALIDATION_FAILED");
    }

    @Test
    void badEditsAndSchedulesAreRefusedAndTextIsKeptVerbatim() {
        Owner owner = signUp("살롱 편집");
        String postId = readyPost(owner, photo(owner, 1080, 1080));
        String path = owner.shop("/posts/" + postId);

        expect400(api.put(path, owner.token(), Map.of("caption", "가".repeat(2_201), "hashtags", List.of())),
                "VALIDATION_FAILED");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            tooMany.add("tag" + i);
        }
        expect400(api.put(path, owner.token(), Map.of("caption", "x", "hashtags", tooMany)), "VALIDATION_FAILED");
        expect400(api.put(path, owner.token(), Map.of("caption", "x", "hashtags", List.of("two words"))),
                "VALIDATION_FAILED");
        expect400(api.put(path, owner.token(), Map.of("hashtags", List.of())), "VALIDATION_FAILED");
        expect400(api.put(path, owner.token(), Map.of("caption", 42, "hashtags", "tag")), "VALIDATION_FAILED");
        expect400(api.put(path, owner.token(), Map.of("caption", "x", "hashtags", List.of(), "expectedVersion", -1)),
                "VALIDATION_FAILED");

        String verbatim = "<script>alert('x')</script> '; DROP TABLE post_view; -- 예약 환영 😊";
        HttpApi.Response edited = api.put(path, owner.token(), Map.of("caption", verbatim, "hashtags", List.of("살롱")));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(api.get(path, owner.token()).json().path("caption").asText()).isEqualTo(verbatim);

        expect400(api.post(path + "/publish", owner.token(), Map.of("at", "2020-01-01T10:00:00+09:00")),
                "VALIDATION_FAILED");
        expect400(api.post(path + "/publish", owner.token(), Map.of("at", "2030-01-01T10:00:00")), "VALIDATION_FAILED");
        expect400(api.post(path + "/publish", owner.token(), Map.of("at", "tomorrow")), "VALIDATION_FAILED");
        expect400(api.post(path + "/publish", owner.token(), Map.of("when", "now")), "VALIDATION_FAILED");
        assertThat(api.get(path, owner.token()).json().path("status").asText()).isEqualTo("READY");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private FakeInstagram.Account connectInstagram(Owner owner) {
        FakeInstagram.Account account = INSTAGRAM.newAccount();
        HttpApi.Response response = api.put(owner.shop("/connections/instagram"), owner.token(),
                Map.of("igUserId", account.igUserId(), "accessToken", account.token()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return account;
    }

    private String photo(Owner owner, int width, int height) {
        HttpApi.Response upload = api.upload(owner.shop("/media"), owner.token(), "file", "photo.jpg", "image/jpeg",
                TestImages.jpeg(width, height));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        return upload.json().path("id").asText();
    }

    /** A post whose caption has been drafted. */
    private String readyPost(Owner owner, String photo) {
        HttpApi.Response created = api.post(owner.shop("/posts"), owner.token(),
                Map.of("mediaIds", List.of(photo), "brief", "새 스타일"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String postId = created.json().path("id").asText();
        awaitStatus(owner, postId, "READY");
        return postId;
    }

    private JsonNode awaitStatus(Owner owner, String postId, String status) {
        return eventually(() -> api.get(owner.shop("/posts/" + postId), owner.token()).json(),
                post -> post.path("status").asText().equals(status), "post " + postId + " to be " + status);
    }

    private long postsOf(Owner owner) {
        return api.get(owner.shop("/posts"), owner.token()).json().path("total").asLong();
    }

    private static void expect400(HttpApi.Response response, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.json().path("error").path("message").asText()).isNotBlank();
    }

    private String wsUrl() {
        return "ws://127.0.0.1:" + port + "/ws";
    }
}
