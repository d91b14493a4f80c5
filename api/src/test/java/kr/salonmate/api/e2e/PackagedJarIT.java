package kr.salonmate.api.e2e;

import static kr.salonmate.api.e2e.PackagedApplication.CATCH_UP;
import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.StompTestClient;
import kr.salonmate.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * End to end against the packaged jar, started as a process with -Xmx512m, Google played over HTTP: sign-up →
 * connect Google → sync → drafts pushed over STOMP → edit → approve → published once → re-sync changes
 * nothing → history with the right actors → another shop's user gets 403. Then the process is killed with
 * kill -9 right after an approval and restarted: the reply is published, exactly once.
 */
class PackagedJarIT {

    private static final FakeGoogle GOOGLE = new FakeGoogle();
    private static TestDatabase.Database database;
    private static Map<String, String> config;

    @BeforeAll
    static void environment() {
        database = TestDatabase.create("e2e");
        config = PackagedApplication.settings(database, "target/e2e-data", GOOGLE,
                "salonmate.publish.initial-backoff", "PT0.5S");
    }

    @AfterAll
    static void stopGoogle() {
        GOOGLE.close();
    }

    @Test
    void theWholeReviewLoopRunsOnThePackagedJarAndSurvivesKillNine() throws Exception {
        String shopLocation;
        String ownerToken;
        String shopId;
        String secondReviewId;
        String secondExternal = "e2e-second-" + UUID.randomUUID();
        try (PackagedApplication app = PackagedApplication.start("first", config)) {
            System.out.println("[e2e] packaged jar healthy " + app.startMillis + " ms after launch (-Xmx512m)");
            HttpApi api = new HttpApi(app.baseUrl());

            JsonNode signup = api.post("/v1/auth/signup", null, Map.of("email", "owner@e2e.test",
                    "password", "a long enough password", "name", "박원장", "shopName", "헤어 살롱 E2E")).json();
            ownerToken = signup.path("accessToken").asText();
            shopId = signup.path("shop").path("id").asText();
            String shop = "/v1/shops/" + shopId;
            shopLocation = shopId;

            String firstExternal = "e2e-first-" + UUID.randomUUID();
            GOOGLE.addReview(shopLocation, firstExternal, "정하늘", 5, "원장님 손길 최고! 다음에도 올게요", Instant.parse("2026-11-25T01:00:00Z"));
            GOOGLE.addReview(shopLocation, secondExternal, "Chris", 1, "Rude staff, never again.", Instant.parse("2026-11-26T01:00:00Z"));
            GOOGLE.addReview(shopLocation, "e2e-third-" + UUID.randomUUID(), "Mina", 4, "<script>alert('x')</script> nice cut",
                    Instant.parse("2026-11-24T01:00:00Z"));

            HttpApi.Response connect = api.put(shop + "/connections/google", ownerToken, Map.of(
                    "accountId", "acc-1", "locationId", shopLocation, "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN));
            assertThat(connect.status()).as(connect.body()).isEqualTo(200);

            try (StompTestClient stomp = StompTestClient.connect(app.wsUrl(), ownerToken)) {
                StompTestClient.Subscription reviews = stomp.subscribe("/topic/shops/" + shopId + "/reviews");
                assertThat(api.post(shop + "/reviews/sync", ownerToken, null).status()).isEqualTo(202);
                JsonNode drafted = reviews.await(r -> r.path("externalId").asText().equals(firstExternal)
                        && r.path("status").asText().equals("DRAFTED"), Duration.ofSeconds(30));
                String reviewPath = shop + "/reviews/" + drafted.path("id").asText();

                String text = "감사합니다 고객님! 다음 방문도 정성껏 모실게요. - 박원장";
                HttpApi.Response edit = api.put(reviewPath + "/reply", ownerToken, Map.of("text", text));
                assertThat(edit.status()).isEqualTo(200);
                assertThat(api.post(reviewPath + "/reply/approve", ownerToken, Map.of()).status()).isEqualTo(202);
                reviews.await(r -> r.path("id").asText().equals(drafted.path("id").asText())
                        && r.path("status").asText().equals("PUBLISHED"), Duration.ofSeconds(30));
                assertThat(GOOGLE.replyPuts(firstExternal)).isEqualTo(1);
                assertThat(GOOGLE.replyOf(firstExternal)).isEqualTo(text);

                long version = api.get(reviewPath, ownerToken).json().path("version").asLong();
                String lastSync = api.get(shop + "/dashboard", ownerToken).json().path("lastSyncAt").asText();
                api.post(shop + "/reviews/sync", ownerToken, null);
                eventually(() -> api.get(shop + "/dashboard", ownerToken).json().path("lastSyncAt").asText(),
                        last -> !last.equals(lastSync), "a new sync", CATCH_UP);
                assertThat(api.get(reviewPath, ownerToken).json().path("version").asLong()).isEqualTo(version);
                assertThat(GOOGLE.replyPuts(firstExternal)).isEqualTo(1);

                List<String> actions = new ArrayList<>();
                List<String> actors = new ArrayList<>();
                api.get(reviewPath + "/history", ownerToken).json().path("items").forEach(entry -> {
                    actions.add(entry.path("action").asText());
                    actors.add(entry.path("actor").path("type").asText() + ":" + entry.path("actor").path("name").asText(""));
                });
                assertThat(actions).containsExactly("SYNCED", "DRAFT_REQUESTED", "DRAFTED", "EDITED", "APPROVED", "PUBLISHED");
                assertThat(actors.get(3)).isEqualTo("USER:박원장");
                assertThat(actors.get(4)).isEqualTo("USER:박원장");
                assertThat(actors.get(2)).startsWith("AI:");

                JsonNode stranger = api.post("/v1/auth/signup", null, Map.of("email", "other@e2e.test",
                        "password", "another long password", "name", "Other", "shopName", "Other Shop")).json();
                HttpApi.Response forbidden = api.get(shop + "/reviews", stranger.path("accessToken").asText());
                assertThat(forbidden.status()).isEqualTo(403);
                assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");

                JsonNode second = eventually(() -> find(api, shop, ownerToken, secondExternal),
                        r -> r != null && r.path("status").asText().equals("DRAFTED"),
                        "the second review drafted", CATCH_UP);
                secondReviewId = second.path("id").asText();
            }

            // Approve, and kill the process at once: the approval was accepted, so it must be published after
            // the restart, and exactly once.
            GOOGLE.failNextReplyPuts(1);
            HttpApi.Response approve = api.post(shop + "/reviews/" + secondReviewId + "/reply/approve", ownerToken, Map.of());
            assertThat(approve.status()).isEqualTo(202);
            app.kill();
        }

        try (PackagedApplication restarted = PackagedApplication.start("restarted", config)) {
            HttpApi api = new HttpApi(restarted.baseUrl());
            String shop = "/v1/shops/" + shopId;
            JsonNode published = eventually(() -> find(api, shop, ownerToken, secondExternal),
                    r -> r != null && r.path("status").asText().equals("PUBLISHED"),
                    "the second reply published", CATCH_UP);
            assertThat(GOOGLE.replyPuts(secondExternal)).isEqualTo(1);
            assertThat(GOOGLE.replyOf(secondExternal)).isEqualTo(published.path("reply").path("text").asText());
        }
    }

    private static JsonNode find(HttpApi api, String shop, String token, String externalId) {
        for (JsonNode item : api.get(shop + "/reviews?size=100", token).json().path("items")) {
            if (item.path("externalId").asText().equals(externalId)) {
                return item;
            }
        }
        return null;
    }
}
