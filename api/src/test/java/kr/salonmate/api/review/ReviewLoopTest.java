package kr.salonmate.api.review;

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
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.StompTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The core loop through the real HTTP API and a real STOMP socket: connect Google, sync, drafts appear live,
 * edit, approve, published exactly once, re-sync changes nothing, and the history tells who did what.
 */
class ReviewLoopTest extends IntegrationTest {

    @Test
    void aSyncedReviewIsDraftedEditedApprovedAndPublishedExactlyOnce() throws Exception {
        Owner owner = signUp("살롱 루미");
        String externalId = "loop-" + UUID.randomUUID();
        GOOGLE.addReview(owner.shopId(), externalId, "이지은", 5, "머리가 너무 예쁘게 나왔어요! 친절하세요 😊", Instant.parse("2026-11-20T03:00:00Z"));
        connectGoogle(owner);

        try (StompTestClient stomp = StompTestClient.connect(wsUrl(), owner.token())) {
            StompTestClient.Subscription reviews = stomp.subscribe("/topic/shops/" + owner.shopId() + "/reviews");
            StompTestClient.Subscription dashboard = stomp.subscribe("/topic/shops/" + owner.shopId() + "/dashboard");

            HttpApi.Response sync = api.post(owner.shop("/reviews/sync"), owner.token(), null);
            assertThat(sync.status()).isEqualTo(202);
            assertThat(sync.json().path("requestedAt").asText()).isNotBlank();

            JsonNode drafted = reviews.await(r -> r.path("externalId").asText().equals(externalId)
                    && r.path("status").asText().equals("DRAFTED"), Duration.ofSeconds(20));
            assertThat(drafted.path("reply").path("origin").asText()).isEqualTo("AI");
            assertThat(drafted.path("reply").path("model").asText()).contains("builtin");
            assertThat(drafted.path("reply").path("text").asText()).isNotBlank();
            assertThat(drafted.path("comment").asText()).isEqualTo("머리가 너무 예쁘게 나왔어요! 친절하세요 😊");

            JsonNode counters = dashboard.await(d -> d.path("reviews").path("awaitingApproval").asLong() >= 1,
                    Duration.ofSeconds(10));
            assertThat(counters.path("reviews").path("total").asLong()).isGreaterThanOrEqualTo(1);

            String reviewId = drafted.path("id").asText();
            String path = owner.shop("/reviews/" + reviewId);
            JsonNode current = api.get(path, owner.token()).json();
            long version = current.path("version").asLong();

            HttpApi.Response stale = api.put(path + "/reply", owner.token(),
                    Map.of("text", "오래된 화면에서 고친 글", "expectedVersion", version - 1));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.errorCode()).isEqualTo("VERSION_MISMATCH");

            String edited = "이지은 고객님, 예쁘다고 해주셔서 감사합니다! 또 뵐게요. - 살롱 루미";
            HttpApi.Response edit = api.put(path + "/reply", owner.token(), Map.of("text", edited, "expectedVersion", version));
            assertThat(edit.status()).isEqualTo(200);
            assertThat(edit.json().path("reply").path("origin").asText()).isEqualTo("HUMAN");
            assertThat(edit.json().path("reply").path("text").asText()).isEqualTo(edited);

            HttpApi.Response approve = api.post(path + "/reply/approve", owner.token(), Map.of());
            assertThat(approve.status()).isEqualTo(202);

            JsonNode published = reviews.await(r -> r.path("id").asText().equals(reviewId)
                    && r.path("status").asText().equals("PUBLISHED"), Duration.ofSeconds(20));
            assertThat(published.path("reply").path("text").asText()).isEqualTo(edited);
            assertThat(published.path("reply").path("publishedAt").asText()).isNotBlank();
            assertThat(published.path("reply").path("approvedBy").path("name").asText()).isEqualTo("김사장");
            assertThat(GOOGLE.replyOf(externalId)).isEqualTo(edited);
            assertThat(GOOGLE.replyPuts(externalId)).isEqualTo(1);

            HttpApi.Response again = api.post(path + "/reply/approve", owner.token(), Map.of());
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.errorCode()).isEqualTo("REPLY_ALREADY_PUBLISHED");

            long versionBefore = api.get(path, owner.token()).json().path("version").asLong();
            // the history is its own read model; wait until it has caught up with the publication
            int historyBefore = eventually(() -> history(owner, reviewId),
                    h -> !h.isEmpty() && h.get(h.size() - 1).path("action").asText().equals("PUBLISHED"),
                    "the publication in the history").size();
            String lastSyncBefore = api.get(owner.shop("/dashboard"), owner.token()).json().path("lastSyncAt").asText();
            api.post(owner.shop("/reviews/sync"), owner.token(), null);
            eventually(() -> api.get(owner.shop("/dashboard"), owner.token()).json().path("lastSyncAt").asText(),
                    last -> !last.equals(lastSyncBefore), "the second sync to finish");
            assertThat(api.get(path, owner.token()).json().path("version").asLong()).isEqualTo(versionBefore);
            assertThat(history(owner, reviewId)).hasSize(historyBefore);
            assertThat(GOOGLE.replyPuts(externalId)).isEqualTo(1);

            List<JsonNode> history = history(owner, reviewId);
            List<String> actions = new ArrayList<>();
            history.forEach(entry -> actions.add(entry.path("action").asText()));
            assertThat(actions).containsExactly("SYNCED", "DRAFT_REQUESTED", "DRAFTED", "EDITED", "APPROVED", "PUBLISHED");
            assertThat(history.get(0).path("actor").path("type").asText()).isEqualTo("SYSTEM");
            assertThat(history.get(2).path("actor").path("type").asText()).isEqualTo("AI");
            assertThat(history.get(2).path("model").asText()).contains("builtin");
            assertThat(history.get(3).path("actor").path("userId").asText()).isEqualTo(owner.userId());
            assertThat(history.get(3).path("previousText").asText()).isEqualTo(drafted.path("reply").path("text").asText());
            assertThat(history.get(4).path("text").asText()).isEqualTo(edited);
            assertThat(history.get(4).path("actor").path("name").asText()).isEqualTo("김사장");
            assertThat(history.get(5).path("actor").path("type").asText()).isEqualTo("SYSTEM");
        }
    }

    @Test
    void aReplyWrittenOnGoogleBetweenApprovalAndPublishingIsNeverOverwritten() {
        Owner owner = signUp("살롱 충돌");
        String externalId = "conflict-" + UUID.randomUUID();
        GOOGLE.addReview(owner.shopId(), externalId, "Jamie", 4, "Lovely staff", Instant.parse("2026-11-21T03:00:00Z"));
        connectGoogle(owner);
        api.post(owner.shop("/reviews/sync"), owner.token(), null);
        JsonNode review = awaitReview(owner, externalId, "DRAFTED");

        GOOGLE.replyOutside(externalId, "Thanks Jamie! (written on Google by the owner)");
        HttpApi.Response approve = api.post(owner.shop("/reviews/" + review.path("id").asText() + "/reply/approve"),
                owner.token(), Map.of());
        assertThat(approve.status()).isEqualTo(202);

        JsonNode after = awaitReview(owner, externalId, "REPLIED_ELSEWHERE");
        assertThat(after.path("reply").path("origin").asText()).isEqualTo("SOURCE");
        assertThat(after.path("reply").path("text").asText()).isEqualTo("Thanks Jamie! (written on Google by the owner)");
        assertThat(GOOGLE.replyPuts(externalId)).isZero();
        List<JsonNode> entries = eventually(() -> history(owner, review.path("id").asText()),
                h -> h.stream().anyMatch(e -> e.path("action").asText().equals("REPLIED_AT_SOURCE")),
                "the reply found at source in the history");
        assertThat(entries).extracting(e -> e.path("action").asText())
                .contains("APPROVED", "REPLIED_AT_SOURCE").doesNotContain("PUBLISHED");
    }

    @Test
    void aReviewAlreadyAnsweredOnGoogleIsRecordedAndTheRejectedAutoDraftHoldsUpNothing() {
        Owner owner = signUp("살롱 기답변");
        String answered = "answered-" + UUID.randomUUID();
        GOOGLE.addReview(owner.shopId(), answered, "오래된 손님", 5, "늘 감사해요", Instant.parse("2026-10-01T03:00:00Z"));
        GOOGLE.replyOutside(answered, "항상 감사합니다! (구글에서 직접)");
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String externalId = "fresh-" + i + "-" + UUID.randomUUID();
            fresh.add(externalId);
            GOOGLE.addReview(owner.shopId(), externalId, "손님 " + i, 1 + i % 5, "리뷰 " + i,
                    Instant.parse("2026-10-02T03:00:00Z").plusSeconds(i));
        }
        connectGoogle(owner);
        api.post(owner.shop("/reviews/sync"), owner.token(), null);

        JsonNode elsewhere = awaitReview(owner, answered, "REPLIED_ELSEWHERE");
        assertThat(elsewhere.path("reply").path("text").asText()).isEqualTo("항상 감사합니다! (구글에서 직접)");
        for (String externalId : fresh) {
            awaitReview(owner, externalId, "DRAFTED");
        }
        assertThat(eventually(() -> history(owner, elsewhere.path("id").asText()), h -> h.size() >= 2,
                "the answered review's history")).extracting(e -> e.path("action").asText())
                .containsExactly("SYNCED", "REPLIED_AT_SOURCE");
        assertThat(GOOGLE.replyPuts(answered)).isZero();
    }

    @Test
    void googleBeingUnavailableDelaysPublishingButNeverDuplicatesIt() {
        Owner owner = signUp("Salon Retry");
        String externalId = "retry-" + UUID.randomUUID();
        GOOGLE.addReview(owner.shopId(), externalId, "Sam", 2, "Waited 40 minutes past my booking.", Instant.parse("2026-11-22T03:00:00Z"));
        connectGoogle(owner);
        api.post(owner.shop("/reviews/sync"), owner.token(), null);
        JsonNode review = awaitReview(owner, externalId, "DRAFTED");

        GOOGLE.failNextReplyPuts(2);
        api.post(owner.shop("/reviews/" + review.path("id").asText() + "/reply/approve"), owner.token(), Map.of());

        JsonNode published = awaitReview(owner, externalId, "PUBLISHED");
        assertThat(GOOGLE.replyPuts(externalId)).isEqualTo(1);
        assertThat(GOOGLE.replyOf(externalId)).isEqualTo(published.path("reply").path("text").asText());
    }

    @Test
    void anotherShopsUserSeesNothingOfThisShop() throws Exception {
        Owner owner = signUp("살롱 비밀");
        Owner stranger = signUp("옆 가게");
        String externalId = "private-" + UUID.randomUUID();
        GOOGLE.addReview(owner.shopId(), externalId, "민수", 3, "괜찮았어요", Instant.parse("2026-11-23T03:00:00Z"));
        connectGoogle(owner);
        api.post(owner.shop("/reviews/sync"), owner.token(), null);
        JsonNode review = awaitReview(owner, externalId, "DRAFTED");
        String reviewPath = owner.shop("/reviews/" + review.path("id").asText());

        for (HttpApi.Response response : List.of(
                api.get(owner.shop(""), stranger.token()),
                api.get(owner.shop("/reviews"), stranger.token()),
                api.get(reviewPath, stranger.token()),
                api.get(reviewPath + "/history", stranger.token()),
                api.get(owner.shop("/dashboard"), stranger.token()),
                api.put(reviewPath + "/reply", stranger.token(), Map.of("text", "hijack")),
                api.post(reviewPath + "/reply/approve", stranger.token(), Map.of()),
                api.post(owner.shop("/reviews/sync"), stranger.token(), null),
                api.put(owner.shop("/reply-settings"), stranger.token(), Map.of("tone", "FORMAL", "language", "ko",
                        "autoDraft", true, "allowOffers", false)))) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(response.body()).doesNotContain("민수", "괜찮았어요");
        }
        // the stranger's own review id space does not reach into the owner's shop either
        HttpApi.Response viaOwnShop = api.get(stranger.shop("/reviews/" + review.path("id").asText()), stranger.token());
        assertThat(viaOwnShop.status()).isEqualTo(404);

        try (StompTestClient stomp = StompTestClient.connect(wsUrl(), stranger.token())) {
            StompTestClient.Subscription spy = stomp.subscribe("/topic/shops/" + owner.shopId() + "/reviews");
            api.put(reviewPath + "/reply", owner.token(), Map.of("text", "감사합니다 민수님"));
            assertThat(spy.poll(Duration.ofSeconds(2))).isNull();
            eventually(() -> stomp.isConnected(), connected -> !connected, "the forbidden subscription to close the socket");
        }
    }

    private void connectGoogle(Owner owner) {
        HttpApi.Response connect = api.put(owner.shop("/connections/google"), owner.token(), Map.of(
                "accountId", "acc-1", "locationId", owner.shopId(), "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN));
        assertThat(connect.status()).as(connect.body()).isEqualTo(200);
        assertThat(connect.json().path("connections").path("google").path("locationId").asText()).isEqualTo(owner.shopId());
        assertThat(connect.body()).doesNotContain(FakeGoogle.VALID_REFRESH_TOKEN);
    }

    private JsonNode awaitReview(Owner owner, String externalId, String status) {
        return eventually(() -> {
            for (JsonNode item : api.get(owner.shop("/reviews?size=100"), owner.token()).json().path("items")) {
                if (item.path("externalId").asText().equals(externalId)) {
                    return item;
                }
            }
            return null;
        }, r -> r != null && r.path("status").asText().equals(status), externalId + " to be " + status);
    }

    private List<JsonNode> history(Owner owner, String reviewId) {
        List<JsonNode> entries = new ArrayList<>();
        api.get(owner.shop("/reviews/" + reviewId + "/history"), owner.token()).json().path("items").forEach(entries::add);
        return entries;
    }

    private String wsUrl() {
        return "ws://127.0.0.1:" + port + "/ws";
    }
}
