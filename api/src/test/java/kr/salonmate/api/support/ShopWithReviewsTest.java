package kr.salonmate.api.support;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the tests of refused review and shop commands share: a shop connected to the fake Google with synced, AI-drafted
 * reviews, extra members with a given role (there is no members endpoint yet, so the membership row is written
 * directly), and reads of a review's state and history to prove that a refused command changed nothing.
 */
public abstract class ShopWithReviewsTest extends IntegrationTest {

    @Autowired
    protected JdbcTemplate jdbc;

    /** A shop with {@code reviews} Google reviews, synced and drafted; returns the review ids by external id. */
    protected Map<String, String> shopWithDraftedReviews(Owner owner, int reviews) {
        List<String> externalIds = new ArrayList<>();
        for (int i = 0; i < reviews; i++) {
            String externalId = "drafted-" + UUID.randomUUID();
            GOOGLE.addReview(owner.shopId(), externalId, "고객 " + i, 1 + i % 5, "리뷰 " + i + " 좋아요 😊",
                    Instant.parse("2026-11-20T03:00:00Z").plusSeconds(i * 60L));
            externalIds.add(externalId);
        }
        HttpApi.Response connect = api.put(owner.shop("/connections/google"), owner.token(), Map.of(
                "accountId", "acc-1", "locationId", owner.shopId(), "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN));
        assertThat(connect.status()).as(connect.body()).isEqualTo(200);
        HttpApi.Response sync = api.post(owner.shop("/reviews/sync"), owner.token(), null);
        assertThat(sync.status()).as(sync.body()).isEqualTo(202);
        Map<String, String> ids = new LinkedHashMap<>();
        eventually(() -> {
            ids.clear();
            for (JsonNode item : api.get(owner.shop("/reviews?size=100"), owner.token()).json().path("items")) {
                if (externalIds.contains(item.path("externalId").asText())
                        && item.path("status").asText().equals("DRAFTED")) {
                    ids.put(item.path("externalId").asText(), item.path("id").asText());
                }
            }
            return ids.size();
        }, n -> n == reviews, reviews + " reviews to be drafted");
        for (String reviewId : ids.values()) {
            eventually(() -> actions(history(owner, reviewId)), a -> a.contains("DRAFTED"),
                    "the history of " + reviewId + " to show the draft");
        }
        return ids;
    }

    /** Signs up another user and makes them {@code role} in the owner's shop. */
    protected Owner member(Owner owner, String role) {
        Owner other = signUp("다른 가게 " + role);
        jdbc.update("""
                INSERT INTO shop_membership (shop_id, user_id, shop_name, role, created_at)
                VALUES (?::uuid, ?::uuid, ?, ?, now())""", owner.shopId(), other.userId(), "member", role);
        return new Owner(other.userId(), other.email(), owner.shopId(), other.token(), other.refreshToken());
    }

    protected JsonNode review(Owner owner, String reviewId) {
        HttpApi.Response response = api.get(owner.shop("/reviews/" + reviewId), owner.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    protected List<JsonNode> history(Owner manager, String reviewId) {
        HttpApi.Response response = api.get(manager.shop("/reviews/" + reviewId + "/history"), manager.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        response.json().path("items").forEach(entries::add);
        return entries;
    }

    protected static List<String> actions(List<JsonNode> history) {
        return history.stream().map(e -> e.path("action").asText()).toList();
    }

    /** The state a refused command must leave alone: the review as the API shows it and its history. */
    protected record Snapshot(JsonNode review, List<JsonNode> history, long events) {
    }

    protected Snapshot snapshot(Owner owner, String reviewId) {
        Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, reviewId);
        return new Snapshot(review(owner, reviewId), history(owner, reviewId), events);
    }

    protected void assertUnchanged(Owner owner, String reviewId, Snapshot before) {
        Snapshot now = snapshot(owner, reviewId);
        assertThat(now.events()).as("events of review %s", reviewId).isEqualTo(before.events());
        assertThat(now.review().path("version").asLong()).as("version").isEqualTo(before.review().path("version").asLong());
        assertThat(now.review().path("status").asText()).as("status").isEqualTo(before.review().path("status").asText());
        assertThat(now.review().path("reply")).as("reply").isEqualTo(before.review().path("reply"));
        assertThat(actions(now.history())).as("history").isEqualTo(actions(before.history()));
    }
}
