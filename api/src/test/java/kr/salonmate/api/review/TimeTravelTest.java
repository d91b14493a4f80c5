package kr.salonmate.api.review;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.Json;
import kr.salonmate.api.support.ShopFixtures;
import kr.salonmate.api.support.StompTestClient;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET …/reviews/{id}?asOf=}: a review's whole life (received, drafted, edited, edited at the source,
 * approved with another text, posted by hand) is watched live on the shop's STOMP topic, which carries the inbox's
 * state after every event; then the review is asked for at every event's instant and between every two of them,
 * and must be exactly what the live inbox showed at that moment.
 */
class TimeTravelTest extends IntegrationTest {

    private static final java.util.regex.Pattern INSTANT =
            java.util.regex.Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z)\"");
    private static final String COMMENT = "커트 정말 마음에 들어요. The color came out great!";

    @Autowired
    private AccountStore accounts;
    @Autowired
    private CommandGateway commands;

    @Test
    void theReviewAtAnyInstantIsWhatTheLiveInboxShowedThen() throws Exception {
        Owner owner = signUp("시간 여행 살롱");
        String externalId = "asof-" + UUID.randomUUID();
        ShopId shop = ShopId.of(owner.shopId());
        ReviewId id = ReviewId.derive(shop, ReviewSource.NAVER, externalId);
        String review = owner.shop("/reviews/" + id);
        Map<Long, JsonNode> live = new TreeMap<>();
        // a live subscription is refused until the owner's membership has reached its table
        eventually(() -> api.get(owner.shop(""), owner.token()).status(), status -> status == 200, "the membership");
        try (StompTestClient stomp = StompTestClient.connect("ws://127.0.0.1:" + port + "/ws", owner.token())) {
            StompTestClient.Subscription frames = stomp.subscribe("/topic/shops/" + owner.shopId() + "/reviews");
            Instant created = Instant.parse("2026-11-20T01:00:00Z");
            // a first review whose frame arrives shows that the subscription is live before the one under test
            String probe = "probe-" + UUID.randomUUID();
            commands.sendAndWait(new SyncReview(ReviewId.derive(shop, ReviewSource.NAVER, probe), shop,
                    ReviewSource.NAVER, probe, "탐침", 5, "좋아요", "ko", created, created, null));
            frames.await(f -> f.path("externalId").asText().equals(probe), Duration.ofSeconds(60));
            commands.sendAndWait(new SyncReview(id, shop, ReviewSource.NAVER, externalId, "김민지", 4, COMMENT, "ko",
                    created, created, null));
            collect(frames, id, live, "DRAFTED");
            pause();
            assertThat(api.put(review + "/reply", owner.token(), Map.of("text", "고맙습니다!")).status()).isEqualTo(200);
            collect(frames, id, live, "DRAFTED");
            pause();
            commands.sendAndWait(new SyncReview(id, shop, ReviewSource.NAVER, externalId, "김민지", 5,
                    COMMENT + " 다시 갈게요.", "ko", created, Instant.parse("2026-11-21T01:00:00Z"), null));
            pause();
            HttpApi.Response approved = api.post(review + "/reply/approve", owner.token(),
                    Map.of("text", "김민지 고객님, 감사합니다! 또 뵐게요."));
            assertThat(approved.status()).as(approved.body()).isEqualTo(202);
            collect(frames, id, live, "APPROVED");
            pause();
            assertThat(api.post(review + "/reply/posted", owner.token(), null).status()).isEqualTo(200);
            collect(frames, id, live, "PUBLISHED");
        }
        List<JsonNode> history = new ArrayList<>();
        api.get(review + "/history", owner.token()).json().path("items").forEach(history::add);
        assertThat(history).extracting(e -> e.path("action").asText()).containsExactly("SYNCED", "DRAFT_REQUESTED",
                "DRAFTED", "EDITED", "EDITED_AT_SOURCE", "EDITED", "APPROVED", "PUBLISHED");
        assertThat(live.keySet()).as("a live frame after every event").containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);

        List<Instant> moments = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Instant at = Instant.parse(history.get(i).path("at").asText());
            moments.add(at);
            if (i + 1 < history.size()) {
                Instant next = Instant.parse(history.get(i + 1).path("at").asText());
                moments.add(at.plus(Duration.between(at, next).dividedBy(2)));
                moments.add(next.minusNanos(1000));
            }
        }
        moments.add(Instant.now().plusSeconds(3600));
        for (Instant moment : moments) {
            long expected = -1;
            for (JsonNode entry : history) {
                if (!Instant.parse(entry.path("at").asText()).isAfter(moment)) {
                    expected = entry.path("sequence").asLong();
                }
            }
            HttpApi.Response asOf = api.get(review + "?asOf=" + moment, owner.token());
            assertThat(asOf.status()).as("asOf %s: %s", moment, asOf.body()).isEqualTo(200);
            assertThat(asOf.json()).as("asOf %s (after event %d)", moment, expected).isEqualTo(live.get(expected));
        }
        Instant published = Instant.parse(history.get(history.size() - 1).path("at").asText());
        String inSeoul = published.atOffset(java.time.ZoneOffset.ofHours(9)).toString().replace("+", "%2B");
        assertThat(api.get(review + "?asOf=" + inSeoul, owner.token()).json()).as("an instant with an offset")
                .isEqualTo(live.get(7L));

        Instant received = Instant.parse(history.get(0).path("at").asText());
        HttpApi.Response before = api.get(review + "?asOf=" + received.minusMillis(1), owner.token());
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.errorCode()).isEqualTo("REVIEW_NOT_FOUND");
    }

    @Test
    void badInstantsStaffAndOtherShopsGetTheDocumentedErrors() {
        Owner owner = signUp("asOf 오류 살롱");
        Owner staff = signUp("staff's own shop");
        Owner stranger = signUp("another shop");
        new ShopFixtures(accounts, commands).join(owner, staff, Role.STAFF);
        ReviewId id = new ShopFixtures(accounts, commands).sync(owner, "asof-bad-" + UUID.randomUUID(), 5, "좋아요",
                Instant.now());
        String review = owner.shop("/reviews/" + id);
        String now = Instant.now().plusSeconds(60).toString();

        for (String bad : List.of("yesterday", "2026-13-01T00:00:00Z", "2026-11-27", "", "1764201600")) {
            HttpApi.Response answer = api.get(review + "?asOf=" + bad, owner.token());
            assertThat(answer.status()).as("asOf=%s", bad).isEqualTo(400);
            assertThat(answer.errorCode()).isEqualTo("VALIDATION_FAILED");
            assertThat(answer.json().path("error").path("details").path("fields").has("asOf")).isTrue();
        }
        assertThat(api.get(review + "?asOf=" + now, owner.token()).status()).isEqualTo(200);
        assertThat(api.get(review + "?asOf=" + now, staff.token()).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(api.get(review, staff.token()).status()).as("without asOf staff may read").isEqualTo(200);
        assertThat(api.get(review + "?asOf=" + now, stranger.token()).errorCode()).isEqualTo("FORBIDDEN");
        HttpApi.Response elsewhere = api.get(stranger.shop("/reviews/" + id + "?asOf=" + now), stranger.token());
        assertThat(elsewhere.status()).as("another shop's review through one's own shop").isEqualTo(404);
        assertThat(api.get(owner.shop("/reviews/" + UUID.randomUUID() + "?asOf=" + now), owner.token()).status())
                .isEqualTo(404);
    }

    private static void collect(StompTestClient.Subscription frames, ReviewId id, Map<Long, JsonNode> live,
                                String untilStatus) throws InterruptedException {
        JsonNode frame;
        do {
            frame = frames.await(f -> f.path("id").asText().equals(id.toString()), Duration.ofSeconds(60));
            live.put(frame.path("version").asLong(), Json.parse(toMicros(frame.toString())));
        } while (!frame.path("status").asText().equals(untilStatus));
    }

    /**
     * A frame with its instants to the microsecond: a frame sent straight from the projection's batch carries the
     * event's nanoseconds, while what the inbox stores, and {@code GET} serves, is PostgreSQL's microseconds.
     */
    private static String toMicros(String json) {
        return INSTANT.matcher(json).replaceAll(match -> {
            Instant instant = Instant.parse(match.group(1));
            return "\"" + instant.plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS) + "\"";
        });
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(15); // distinct instants for the events of distinct steps
    }
}
