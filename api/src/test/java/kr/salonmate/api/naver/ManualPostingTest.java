package kr.salonmate.api.naver;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.ShopFixtures;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A Naver reply is never sent anywhere: approved, it waits with {@code reply.manual} until a person pastes it into
 * Naver and says so; the history names that person. Google, played over HTTP by FakeGoogle, hears nothing of it.
 */
class ManualPostingTest extends IntegrationTest {

    private static final String REPLY = "김** 고객님, 소중한 리뷰 감사합니다! 또 뵐게요 :)";

    @Autowired
    private AccountStore accounts;
    @Autowired
    private CommandGateway commands;

    @Test
    void anApprovedNaverReplyWaitsForAPersonWhoPastesItAndNothingReachesGoogle() {
        Owner owner = signUp("손으로 올리는 살롱");
        Owner staff = signUp("staff's own shop");
        new ShopFixtures(accounts, commands).join(owner, staff, Role.STAFF);
        connectGoogle(owner);
        String naverId = "manual-" + UUID.randomUUID();
        String googleId = "canary-" + UUID.randomUUID();
        importRow(owner, naverId);
        GOOGLE.addReview(owner.shopId(), googleId, "Jamie", 5, "Lovely", Instant.parse("2026-11-21T03:00:00Z"));
        api.post(owner.shop("/reviews/sync"), owner.token(), null);
        String naverReview = awaitReview(owner, naverId, "NEW", "DRAFTED").path("id").asText();
        String googleReview = awaitReview(owner, googleId, "NEW", "DRAFTED").path("id").asText();

        HttpApi.Response approved = api.post(owner.shop("/reviews/" + naverReview + "/reply/approve"), owner.token(),
                Map.of("text", REPLY));
        assertThat(approved.status()).as(approved.body()).isEqualTo(202);
        assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().path("reply").path("manual").asBoolean()).isTrue();
        // a Google approval after it goes through the same publishing saga: once it is published, the Naver one
        // has long been seen there, and must still be waiting, untouched
        api.post(owner.shop("/reviews/" + googleReview + "/reply/approve"), owner.token(), Map.of("text", "Thanks!"));
        awaitReview(owner, googleId, "PUBLISHED");
        JsonNode waiting = api.get(owner.shop("/reviews/" + naverReview), owner.token()).json();
        assertThat(waiting.path("status").asText()).isEqualTo("APPROVED");
        assertThat(waiting.path("reply").path("failure").isNull()).isTrue();
        assertThat(waiting.path("reply").path("publishedAt").isNull()).isTrue();
        assertThat(GOOGLE.requests()).noneMatch(request -> request.contains(naverId));
        assertThat(GOOGLE.replyPuts(googleId)).isEqualTo(1);

        JsonNode toPaste = api.get(owner.shop("/reviews?status=APPROVED&source=NAVER"), staff.token()).json();
        assertThat(toPaste.path("items")).extracting(item -> item.path("id").asText()).containsExactly(naverReview);

        HttpApi.Response posted = api.post(owner.shop("/reviews/" + naverReview + "/reply/posted"), staff.token(), null);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(posted.json().path("reply").path("text").asText()).isEqualTo(REPLY);
        assertThat(posted.json().path("reply").path("publishedAt").asText()).isNotBlank();
        assertThat(posted.json().path("reply").path("manual").asBoolean()).isTrue();
        assertThat(api.get(owner.shop("/reviews?status=APPROVED&source=NAVER"), staff.token()).json()
                .path("total").asLong()).isZero();

        List<JsonNode> history = eventually(() -> history(owner, naverReview),
                h -> !h.isEmpty() && h.get(h.size() - 1).path("action").asText().equals("PUBLISHED"),
                "the manual publication in the history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("actor").path("type").asText()).isEqualTo("USER");
        assertThat(last.path("actor").path("userId").asText()).isEqualTo(staff.userId());
        assertThat(last.path("text").asText()).isEqualTo(REPLY);

        HttpApi.Response again = api.post(owner.shop("/reviews/" + naverReview + "/reply/posted"), owner.token(), null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(history(owner, naverReview)).hasSize(history.size());
        assertThat(GOOGLE.requests()).noneMatch(request -> request.contains(naverId));
    }

    @Test
    void aGoogleReviewOrAReplyNotYetApprovedCannotBeMarkedAsPostedAndOtherShopsAreRefused() {
        Owner owner = signUp("규칙 있는 살롱");
        Owner stranger = signUp("남의 살롱");
        ShopFixtures fixtures = new ShopFixtures(accounts, commands);
        String google = fixtures.sync(owner, "g-" + UUID.randomUUID(), 5, "좋아요", Instant.parse("2026-11-20T00:00:00Z"))
                .toString();
        String naverId = "draft-" + UUID.randomUUID();
        importRow(owner, naverId);
        String naver = awaitReview(owner, naverId, "NEW", "DRAFTING", "DRAFTED").path("id").asText();
        eventually(() -> api.get(owner.shop("/reviews/" + google), owner.token()).status(), s -> s == 200,
                "the Google review in the inbox");

        HttpApi.Response onGoogle = api.post(owner.shop("/reviews/" + google + "/reply/posted"), owner.token(), null);
        assertThat(onGoogle.status()).as(onGoogle.body()).isEqualTo(409);
        assertThat(onGoogle.errorCode()).isEqualTo("CONFLICT");

        HttpApi.Response notApproved = api.post(owner.shop("/reviews/" + naver + "/reply/posted"), owner.token(), null);
        assertThat(notApproved.status()).isEqualTo(409);
        assertThat(notApproved.errorCode()).isEqualTo("CONFLICT");

        HttpApi.Response otherShop = api.post(owner.shop("/reviews/" + naver + "/reply/posted"), stranger.token(), null);
        assertThat(otherShop.status()).isEqualTo(403);
        HttpApi.Response foreignReview = api.post(stranger.shop("/reviews/" + naver + "/reply/posted"),
                stranger.token(), null);
        assertThat(foreignReview.status()).isEqualTo(404);
        assertThat(api.get(owner.shop("/reviews/" + naver), owner.token()).json().path("status").asText())
                .isNotEqualTo("PUBLISHED");
    }

    private void importRow(Owner owner, String externalId) {
        String csv = "reviewId,author,rating,comment,createdAt\r\n" + externalId + ",김**,5,머리가 예뻐요,2026.11.27.\r\n";
        HttpApi.Response imported = api.sendBytes("POST", owner.shop("/reviews/import"), owner.token(),
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(1);
    }

    private void connectGoogle(Owner owner) {
        HttpApi.Response connect = api.put(owner.shop("/connections/google"), owner.token(), Map.of(
                "accountId", "acc-1", "locationId", owner.shopId(), "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN));
        assertThat(connect.status()).as(connect.body()).isEqualTo(200);
    }

    private JsonNode awaitReview(Owner owner, String externalId, String... statuses) {
        List<String> wanted = List.of(statuses);
        return eventually(() -> {
            for (JsonNode item : api.get(owner.shop("/reviews?size=100"), owner.token()).json().path("items")) {
                if (item.path("externalId").asText().equals(externalId)) {
                    return item;
                }
            }
            return null;
        }, r -> r != null && wanted.contains(r.path("status").asText()), externalId + " to be one of " + wanted);
    }

    private List<JsonNode> history(Owner owner, String reviewId) {
        List<JsonNode> entries = new ArrayList<>();
        api.get(owner.shop("/reviews/" + reviewId + "/history"), owner.token()).json().path("items").forEach(entries::add);
        return entries;
    }
}
