package kr.salonmate.api.authorization;

import static kr.salonmate.api.support.Errors.assertError;
import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.ShopWithReviewsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Roles within one shop: STAFF may read and edit but not approve, reject, retry, sync, read the history or
 * change settings and connections; MANAGER may do all of that except settings and connections (OWNER only).
 * A refused attempt changes nothing.
 */
class ShopRolesTest extends ShopWithReviewsTest {

    private static Owner owner;
    private static Owner staff;
    private static Owner manager;
    private static List<String> reviewIds;
    private static List<String> externalIds;

    @BeforeEach
    void shareOneShop() {
        if (owner == null) {
            owner = signUp("살롱 역할");
            Map<String, String> ids = shopWithDraftedReviews(owner, 3);
            externalIds = new ArrayList<>(ids.keySet());
            reviewIds = new ArrayList<>(ids.values());
            staff = member(owner, "STAFF");
            manager = member(owner, "MANAGER");
        }
    }

    private static final Map<String, Object> SETTINGS = Map.of("tone", "FORMAL", "language", "en",
            "autoDraft", false, "allowOffers", true);

    private static final Map<String, Object> GOOGLE_CONNECTION = Map.of("accountId", "acc-2",
            "locationId", "stolen-location", "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN);

    @Test
    void staffMayReadAndEditButNotDecide() {
        String reviewId = reviewIds.get(0);
        String path = staff.shop("/reviews/" + reviewId);

        assertThat(api.get(staff.shop("/reviews"), staff.token()).status()).isEqualTo(200);
        assertThat(api.get(staff.shop(""), staff.token()).status()).isEqualTo(200);
        assertThat(api.get(staff.shop("/dashboard"), staff.token()).status()).isEqualTo(200);
        HttpApi.Response one = api.get(path, staff.token());
        assertThat(one.status()).isEqualTo(200);
        HttpApi.Response edit = api.put(path + "/reply", staff.token(),
                Map.of("text", "직원이 고친 답글입니다 🙏", "expectedVersion", one.json().path("version").asLong()));
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        assertThat(edit.json().path("reply").path("text").asText()).isEqualTo("직원이 고친 답글입니다 🙏");

        eventually(() -> actions(history(owner, reviewId)), a -> a.get(a.size() - 1).equals("EDITED"),
                "the edit to reach the history");
        Snapshot before = snapshot(owner, reviewId);
        JsonNode shopBefore = api.get(owner.shop(""), owner.token()).json();
        for (HttpApi.Response response : List.of(
                api.post(path + "/reply/approve", staff.token(), Map.of()),
                api.post(path + "/reply/approve", staff.token(), Map.of("text", "직원 승인")),
                api.post(path + "/reply/reject", staff.token(), Map.of("reason", "싫어요")),
                api.post(path + "/reply/retry", staff.token(), null),
                api.get(path + "/history", staff.token()),
                api.post(staff.shop("/reviews/sync"), staff.token(), null),
                api.put(staff.shop("/reply-settings"), staff.token(), SETTINGS),
                api.put(staff.shop("/connections/google"), staff.token(), GOOGLE_CONNECTION))) {
            assertError(response, 403, "FORBIDDEN");
        }
        assertUnchanged(owner, reviewId, before);
        JsonNode shopAfter = api.get(owner.shop(""), owner.token()).json();
        assertThat(shopAfter.path("replySettings")).isEqualTo(shopBefore.path("replySettings"));
        assertThat(shopAfter.path("connections")).isEqualTo(shopBefore.path("connections"));
        assertThat(GOOGLE.replyPuts(externalIds.get(0))).isZero();
    }

    @Test
    void staffMayAskForANewDraft() {
        String reviewId = reviewIds.get(2);
        long draftRequests = actions(history(owner, reviewId)).stream().filter("DRAFT_REQUESTED"::equals).count();
        HttpApi.Response draft = api.post(staff.shop("/reviews/" + reviewId + "/reply/draft"), staff.token(),
                Map.of("instruction", "더 짧게"));
        assertThat(draft.status()).as(draft.body()).isEqualTo(202);
        // the history is its own read model: it catches up shortly after the command
        eventually(() -> actions(history(owner, reviewId)).stream().filter("DRAFT_REQUESTED"::equals).count(),
                count -> count == draftRequests + 1, "the staff member's draft request in the history");
    }

    @Test
    void managerMayApproveSyncAndReadHistoryButNotChangeSettingsOrConnections() {
        String reviewId = reviewIds.get(1);
        String externalId = externalIds.get(1);
        String path = manager.shop("/reviews/" + reviewId);

        JsonNode shopBefore = api.get(owner.shop(""), owner.token()).json();
        assertError(api.put(manager.shop("/reply-settings"), manager.token(), SETTINGS), 403, "FORBIDDEN");
        assertError(api.put(manager.shop("/connections/google"), manager.token(), GOOGLE_CONNECTION), 403, "FORBIDDEN");
        JsonNode shopAfter = api.get(owner.shop(""), owner.token()).json();
        assertThat(shopAfter.path("replySettings")).isEqualTo(shopBefore.path("replySettings"));
        assertThat(shopAfter.path("connections")).isEqualTo(shopBefore.path("connections"));

        HttpApi.Response history = api.get(path + "/history", manager.token());
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().path("items").size()).isGreaterThanOrEqualTo(3);

        HttpApi.Response approve = api.post(path + "/reply/approve", manager.token(), Map.of());
        assertThat(approve.status()).as(approve.body()).isEqualTo(202);
        assertThat(approve.json().path("reply").path("approvedBy").path("userId").asText()).isEqualTo(manager.userId());
        eventually(() -> review(owner, reviewId).path("status").asText(), "PUBLISHED"::equals, "the approval to publish");
        assertThat(GOOGLE.replyPuts(externalId)).isEqualTo(1);

        String lastSync = api.get(owner.shop("/dashboard"), owner.token()).json().path("lastSyncAt").asText();
        HttpApi.Response sync = api.post(manager.shop("/reviews/sync"), manager.token(), null);
        assertThat(sync.status()).as(sync.body()).isEqualTo(202);
        eventually(() -> api.get(owner.shop("/dashboard"), owner.token()).json().path("lastSyncAt").asText(),
                last -> !last.equals(lastSync), "the manager's sync to run");
    }

    @Test
    void aMemberOfOneShopGainsNothingInTheirOtherShop() {
        // staff's own shop (from their sign-up) is theirs as OWNER; being STAFF here does not lower that, nor the
        // other way round
        HttpApi.Response me = api.get("/v1/me", staff.token());
        assertThat(me.status()).isEqualTo(200);
        List<String> roles = new ArrayList<>();
        me.json().path("memberships").forEach(m -> roles.add(m.path("shopId").asText() + ":" + m.path("role").asText()));
        assertThat(roles).contains(owner.shopId() + ":STAFF");
        assertThat(roles).filteredOn(r -> r.endsWith(":OWNER")).hasSize(1);
    }
}
