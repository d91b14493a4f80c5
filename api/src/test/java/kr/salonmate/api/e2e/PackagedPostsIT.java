package kr.salonmate.api.e2e;

import static kr.salonmate.api.e2e.PackagedApplication.CATCH_UP;
import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.support.FakeInstagram;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.TestDatabase;
import kr.salonmate.api.support.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A post on "Instagram" end to end against the packaged jar, Instagram played over HTTP (fetching the photo from the
 * jar's signed link like Meta does): sign-up → connect Instagram → upload → post drafted → scheduled → the process
 * is killed with kill -9 while the post waits → restarted after its time: the post is published, exactly once.
 */
class PackagedPostsIT {

    private static final FakeInstagram INSTAGRAM = new FakeInstagram();
    private static Map<String, String> config;

    @BeforeAll
    static void environment() {
        TestDatabase.Database database = TestDatabase.create("e2eposts");
        config = PackagedApplication.settings(database, "target/e2e-posts-data", null,
                "salonmate.instagram.api-base-url", INSTAGRAM.baseUrl(),
                "salonmate.instagram.initial-backoff", "PT0.5S",
                "salonmate.instagram.status-poll-interval", "PT0.3S",
                "salonmate.public-base-url", "http://127.0.0.1:${server.port}");
    }

    @AfterAll
    static void stopInstagram() {
        INSTAGRAM.close();
    }

    @Test
    void aScheduledPostSurvivesKillNineAndIsPublishedOnce() throws Exception {
        FakeInstagram.Account account = INSTAGRAM.newAccount();
        String token;
        String shop;
        String postId;
        Instant at;
        try (PackagedApplication app = PackagedApplication.start("posts-first", config)) {
            HttpApi api = new HttpApi(app.baseUrl());
            JsonNode signup = api.post("/v1/auth/signup", null, Map.of("email", "posts@e2e.test",
                    "password", "a long enough password", "name", "박원장", "shopName", "네일 살롱 E2E")).json();
            token = signup.path("accessToken").asText();
            shop = "/v1/shops/" + signup.path("shop").path("id").asText();

            assertThat(api.put(shop + "/connections/instagram", token, Map.of("igUserId", account.igUserId(),
                    "accessToken", account.token())).status()).isEqualTo(200);
            HttpApi.Response upload = api.upload(shop + "/media", token, "file", "nails.png", "image/png",
                    TestImages.png(1080, 1350));
            assertThat(upload.status()).as(upload.body()).isEqualTo(201);
            HttpApi.Response created = api.post(shop + "/posts", token, Map.of(
                    "mediaIds", List.of(upload.json().path("id").asText()), "brief", "겨울 네일 신상"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            postId = created.json().path("id").asText();
            String path = shop + "/posts/" + postId;
            eventually(() -> api.get(path, token).json(), p -> p.path("status").asText().equals("READY"),
                    "the caption ready", CATCH_UP);

            at = Instant.now().plusSeconds(6);
            HttpApi.Response scheduled = api.post(path + "/publish", token,
                    Map.of("at", OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(9)).toString()));
            assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(202);
            assertThat(scheduled.json().path("status").asText()).isEqualTo("SCHEDULED");
            app.kill();
        }
        assertThat(account.publishCalls()).isZero();

        try (PackagedApplication restarted = PackagedApplication.start("posts-restarted", config)) {
            HttpApi api = new HttpApi(restarted.baseUrl());
            String path = shop + "/posts/" + postId;
            JsonNode published = eventually(() -> api.get(path, token).json(),
                    p -> p.path("status").asText().equals("PUBLISHED"), "the scheduled post published", CATCH_UP);
            assertThat(Instant.now()).isAfter(at);
            assertThat(account.published()).hasSize(1);
            assertThat(published.path("instagramMediaId").asText()).isEqualTo(account.published().get(0));
            assertThat(INSTAGRAM.containersOf(account)).allSatisfy(container ->
                    assertThat(container.fetchedContentType()).isEqualTo("image/jpeg"));
            assertThat(api.get(shop + "/dashboard", token).json().path("posts").path("published").asLong())
                    .isEqualTo(1);
        }
    }
}
