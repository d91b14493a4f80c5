package kr.salonmate.api.admin;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.ShopFixtures;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.ReplyEdited;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The platform operator's endpoints: every processor's position and lag, a projection rebuilt from the first
 * event while the others keep serving (and giving the same answers), side effects not repeated, dead letters
 * listed and retried; and nobody else may use them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayAdminTest extends IntegrationTest {

    @Autowired
    private AccountStore accounts;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private JdbcTemplate jdbc;

    private String admin;
    private Owner owner;

    /** Once for all tests of the class (they share one application and database). */
    @BeforeEach
    void anOperatorAndAShopWithReviews() {
        if (owner != null) {
            return;
        }
        admin = operatorToken();
        owner = signUp("리플레이 살롱");
        ShopFixtures fixtures = new ShopFixtures(accounts, commands);
        fixtures.sync(owner, "rp-" + UUID.randomUUID(), 5, "커트 최고! 친절해요", Instant.parse("2026-11-03T02:00:00Z"));
        fixtures.sync(owner, "rp-" + UUID.randomUUID(), 1, "직원이 불친절, 40분 기다림", Instant.parse("2026-11-04T02:00:00Z"));
        fixtures.sync(owner, "rp-" + UUID.randomUUID(), 4, "Lovely staff", Instant.parse("2026-11-20T02:00:00Z"));
        eventually(() -> api.get(owner.shop("/analytics?from=2026-11-01&to=2026-11-30&bucket=MONTH"), owner.token())
                .json(), v -> v.path("buckets").get(0).path("reviews").asLong() == 3, "analytics of the reviews");
    }

    @Test
    void everyStreamingProcessorIsListedWithItsPositionAndLag() {
        JsonNode all = eventually(() -> api.get("/v1/admin/projections", admin).json(),
                list -> find(list, "analytics").path("lag").asLong() == 0, "analytics caught up");

        List<String> names = new ArrayList<>();
        all.forEach(p -> names.add(p.path("name").asText()));
        assertThat(names).contains("analytics", "review-inbox", "reply-audit", "dashboard", "shops", "auto-draft",
                "reply-drafting", "reply-publishing");
        JsonNode analytics = find(all, "analytics");
        assertThat(analytics.path("position").asLong()).isPositive();
        assertThat(analytics.path("headPosition").asLong()).isGreaterThanOrEqualTo(analytics.path("position").asLong());
        assertThat(analytics.path("replaying").asBoolean()).isFalse();
        assertThat(analytics.path("progress").asDouble()).isEqualTo(1.0);

        JsonNode one = api.get("/v1/admin/projections/review-inbox", admin).json();
        assertThat(one.path("name").asText()).isEqualTo("review-inbox");
        assertThat(one.has("position") && one.has("headPosition") && one.has("lag") && one.has("replaying")
                && one.has("progress")).isTrue();
    }

    @Test
    void aReplayedProjectionGivesTheSameAnswersAsTheLiveOneAndTheOthersKeepServing() {
        List<String> queries = List.of("?from=2026-11-01&to=2026-11-30&bucket=DAY",
                "?from=2026-11-01&to=2026-11-30&bucket=WEEK", "?from=2026-10-01&to=2026-12-31&bucket=MONTH");
        List<String> live = queries.stream().map(q -> api.get(owner.shop("/analytics" + q), owner.token()).body())
                .toList();

        HttpApi.Response replay = api.post("/v1/admin/projections/analytics/replay", admin, null);
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().path("name").asText()).isEqualTo("analytics");
        String request = replay.json().path("replay").path("id").asText();
        assertThat(replay.json().path("replay").path("requestedBy").asText()).isEqualTo(ADMIN_EMAIL);
        assertThat(api.get(owner.shop("/reviews"), owner.token()).status()).as("the inbox keeps serving")
                .isEqualTo(200);

        JsonNode done = eventually(() -> api.get("/v1/admin/projections/analytics", admin).json(),
                p -> p.path("replay").path("state").asText().equals("DONE") && !p.path("replaying").asBoolean()
                        && p.path("lag").asLong() == 0, "the replay to finish");
        assertThat(done.path("replay").path("id").asText()).isEqualTo(request);
        assertThat(done.path("replay").path("resetAt").isNull()).as("the tokens were reset").isFalse();
        assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
        List<String> rebuilt = queries.stream().map(q -> api.get(owner.shop("/analytics" + q), owner.token()).body())
                .toList();
        assertThat(rebuilt).isEqualTo(live);
    }

    @Test
    void policiesAndSagasWithSideEffectsAreNeverReplayed() {
        long events = eventCount();

        for (String name : List.of("auto-draft", "auto-publish", "reply-drafting", "reply-publishing")) {
            HttpApi.Response replay = api.post("/v1/admin/projections/" + name + "/replay", admin, null);
            assertThat(replay.status()).as(name).isEqualTo(409);
            assertThat(replay.errorCode()).as(name).isEqualTo("CONFLICT");
            JsonNode status = api.get("/v1/admin/projections/" + name, admin).json();
            assertThat(status.path("replaying").asBoolean()).as(name).isFalse();
        }
        assertThat(eventCount()).as("no draft was requested, nothing published again").isEqualTo(events);
    }

    @Test
    void unknownNamesAreNotFound() {
        for (HttpApi.Response response : List.of(api.get("/v1/admin/projections/no-such-thing", admin),
                api.post("/v1/admin/projections/no-such-thing/replay", admin, null),
                api.get("/v1/admin/dead-letters?group=no-such-thing", admin),
                api.post("/v1/admin/dead-letters/no-such-thing/retry", admin, null))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void nobodyButOperatorsMayUseTheAdminEndpoints() {
        for (HttpApi.Response response : List.of(api.get("/v1/admin/projections", owner.token()),
                api.get("/v1/admin/projections/analytics", owner.token()),
                api.post("/v1/admin/projections/analytics/replay", owner.token(), null),
                api.get("/v1/admin/dead-letters", owner.token()),
                api.post("/v1/admin/dead-letters/review-inbox/retry", owner.token(), null))) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(api.get("/v1/admin/projections", null).status()).isEqualTo(401);
    }

    @Test
    void anEventAProjectionCouldNotHandleIsListedWithItsErrorAndRetriedOnceTheCauseIsFixed() {
        ShopId shop = ShopId.of(owner.shopId());
        ReviewId orphan = new ReviewId(UUID.randomUUID());
        publish(new GenericDomainEventMessage<>("Review", orphan.toString(), 1,
                new ReplyEdited(orphan, shop, "고친 답글", null, Actor.user(UUID.fromString(owner.userId()), "김사장"),
                        Instant.now())));

        JsonNode letters = eventually(() -> api.get("/v1/admin/dead-letters?group=review-inbox", admin).json(),
                list -> letterOf(list, orphan) != null, "the dead letter");
        JsonNode letter = letterOf(letters, orphan);
        assertThat(letter.path("group").asText()).isEqualTo("review-inbox");
        assertThat(letter.path("eventType").asText()).isEqualTo(ReplyEdited.class.getName());
        assertThat(letter.path("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(letter.path("error").path("message").asText()).contains("not in the inbox");
        assertThat(letterOf(api.get("/v1/admin/dead-letters", admin).json(), orphan)).isNotNull();

        // the operator repairs what the event needed, then retries
        jdbc.update("INSERT INTO review_view (id, shop_id, source, external_id, rating, created_at, status, version) "
                + "VALUES (?, ?, 'GOOGLE', 'repaired', 3, now(), 'NEW', 0)", orphan.value(), shop.value());
        HttpApi.Response retry = api.post("/v1/admin/dead-letters/review-inbox/retry", admin, null);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().path("sequences").asLong()).isGreaterThanOrEqualTo(1);

        eventually(() -> api.get("/v1/admin/dead-letters?group=review-inbox", admin).json(),
                list -> letterOf(list, orphan) == null, "the dead letter to be handled");
        assertThat(jdbc.queryForObject("SELECT reply_text FROM review_view WHERE id = ?", String.class,
                orphan.value())).isEqualTo("고친 답글");
        assertThat(letterOf(api.get("/v1/admin/dead-letters?group=dashboard", admin).json(), orphan))
                .as("the dashboard's copy was not retried").isNotNull();
    }

    private static JsonNode letterOf(JsonNode listing, ReviewId review) {
        for (JsonNode item : listing.path("items")) {
            if (review.toString().equals(item.path("aggregateId").asText())) {
                return item;
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode p : list) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no processor " + name + " in " + list);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private void publish(GenericDomainEventMessage<?> event) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> eventStore.publish(event));
    }
}
