package kr.salonmate.api.review;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.support.Csv;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.ShopFixtures;
import kr.salonmate.messages.review.ReviewId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The shop-wide audit trail through the HTTP API: filters, paging, CSV export, who may see it, bad input. */
class AuditTrailApiTest extends IntegrationTest {

    private static final String TRICKY = "정말 좋아요, \"최고\"예요!\n다음에 또 올게요 😊\r\n끝, 끝";
    private static final String TRICKY_REPLY = "감사합니다, 고객님!\n\"또\" 뵐게요";

    @Autowired
    private AccountStore accounts;
    @Autowired
    private CommandGateway commands;

    private ShopFixtures fixtures;
    private Owner owner;
    private Owner manager;

    @BeforeEach
    void aShopWithAManager() {
        fixtures = new ShopFixtures(accounts, commands);
        owner = signUp("감사 살롱");
        manager = signUp("manager's own shop");
        fixtures.join(owner, manager, Role.MANAGER);
    }

    @Test
    void managersSeeEveryActionNewestFirstAndFilterByActionAndPerson() {
        ReviewId review = fixtures.sync(owner, "audit-" + UUID.randomUUID(), 5, TRICKY, Instant.now());
        awaitReview(review);
        HttpApi.Response edit = api.put(owner.shop("/reviews/" + review + "/reply"), manager.token(),
                Map.of("text", TRICKY_REPLY));
        assertThat(edit.status()).isEqualTo(200);

        JsonNode synced = eventually(() -> api.get(owner.shop("/audit?action=SYNCED"), manager.token()).json(),
                page -> page.path("total").asLong() == 1, "the SYNCED entry");
        JsonNode entry = synced.path("items").get(0);
        assertThat(entry.path("reviewId").asText()).isEqualTo(review.toString());
        assertThat(entry.path("text").asText()).isEqualTo(TRICKY);
        assertThat(entry.path("actor").path("type").asText()).isEqualTo("SYSTEM");
        assertThat(entry.path("sequence").asLong()).isZero();

        JsonNode byManager = eventually(() -> api.get(owner.shop("/audit?actorId=" + manager.userId()),
                owner.token()).json(), page -> page.path("total").asLong() >= 1, "the manager's edit");
        assertThat(byManager.path("items")).allSatisfy(e -> {
            assertThat(e.path("actor").path("userId").asText()).isEqualTo(manager.userId());
            assertThat(e.path("actor").path("name").asText()).isEqualTo("김사장");
        });
        assertThat(byManager.path("items").get(0).path("action").asText()).isEqualTo("EDITED");
        assertThat(byManager.path("items").get(0).path("text").asText()).isEqualTo(TRICKY_REPLY);

        JsonNode all = api.get(owner.shop("/audit?size=100"), manager.token()).json();
        List<String> times = new ArrayList<>();
        all.path("items").forEach(e -> times.add(e.path("at").asText()));
        assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
        assertThat(all.path("size").asInt()).isEqualTo(100);
        JsonNode paged = api.get(owner.shop("/audit?size=1&page=1"), manager.token()).json();
        assertThat(paged.path("items")).hasSize(1);
        assertThat(paged.path("total").asLong()).isEqualTo(all.path("total").asLong());
    }

    @Test
    void theCsvExportStreamsEveryMatchingEntryWithTextIntact() {
        List<ReviewId> reviews = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // more than one export chunk (7 in the tests)
            reviews.add(fixtures.sync(owner, "csv-" + i + "-" + UUID.randomUUID(), 1 + i % 5,
                    i == 0 ? TRICKY : i == 1 ? "=HYPERLINK(\"http://evil\")" : "리뷰 " + i, Instant.now()));
        }
        reviews.forEach(this::awaitReview);
        eventually(() -> api.get(owner.shop("/audit?action=SYNCED"), owner.token()).json(),
                page -> page.path("total").asLong() == 12, "every SYNCED entry");

        HttpApi.Response byFormat = api.get(owner.shop("/audit?format=csv&action=SYNCED"), manager.token());
        HttpApi.Response byAccept = api.send("GET", owner.shop("/audit?action=SYNCED"), manager.token(), null,
                Map.of("Accept", "text/csv"));

        assertThat(byFormat.status()).isEqualTo(200);
        assertThat(byFormat.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(byFormat.header("Content-Disposition")).startsWith("attachment");
        assertThat(byFormat.body().getBytes(StandardCharsets.UTF_8)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(byAccept.status()).isEqualTo(200);
        assertThat(byAccept.body()).isEqualTo(byFormat.body());

        List<List<String>> records = Csv.parse(byFormat.body().substring(1));
        assertThat(String.join(",", records.get(0)))
                .isEqualTo("at,reviewId,action,actorType,actorId,actorName,text,previousText,model,detail");
        List<List<String>> rows = records.subList(1, records.size());
        assertThat(rows).hasSize(12).allSatisfy(row -> {
            assertThat(row).hasSize(10);
            assertThat(row.get(2)).isEqualTo("SYNCED");
            assertThat(row.get(3)).isEqualTo("SYSTEM");
        });
        assertThat(rows).extracting(row -> row.get(1))
                .containsExactlyInAnyOrderElementsOf(reviews.stream().map(ReviewId::toString).toList());
        assertThat(rows).extracting(row -> Instant.parse(row.get(0))).isSorted();
        assertThat(rows).filteredOn(row -> row.get(1).equals(reviews.get(0).toString()))
                .extracting(row -> row.get(6)).containsExactly(TRICKY);
        assertThat(rows).filteredOn(row -> row.get(1).equals(reviews.get(1).toString()))
                .extracting(row -> row.get(6)).containsExactly("'=HYPERLINK(\"http://evil\")");

        ReviewId edited = reviews.get(2);
        api.put(owner.shop("/reviews/" + edited + "/reply"), owner.token(), Map.of("text", TRICKY_REPLY));
        List<List<String>> edits = eventually(() -> Csv.parse(api.get(owner.shop("/audit?format=csv&action=EDITED"),
                owner.token()).body().substring(1)), r -> r.size() == 2, "the edit in the export");
        assertThat(edits.get(1).get(1)).isEqualTo(edited.toString());
        assertThat(edits.get(1).get(4)).isEqualTo(owner.userId());
        assertThat(edits.get(1).get(6)).isEqualTo(TRICKY_REPLY);
    }

    @Test
    void theRangeIsInclusiveDatesInTheShopsTimeZone() {
        ReviewId review = fixtures.sync(owner, "zone-" + UUID.randomUUID(), 4, "좋아요", Instant.now());
        awaitReview(review);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));

        eventually(() -> api.get(owner.shop("/audit?action=SYNCED&from=" + today + "&to=" + today), owner.token())
                .json(), page -> page.path("total").asLong() == 1, "today's entry");
        assertThat(api.get(owner.shop("/audit?to=" + today.minusDays(1)), owner.token()).json().path("total")
                .asLong()).isZero();
        assertThat(api.get(owner.shop("/audit?from=" + today.plusDays(1)), owner.token()).json().path("total")
                .asLong()).isZero();
    }

    @Test
    void staffMembersAndOtherShopsAreForbidden() {
        Owner staff = signUp("staff's own shop");
        fixtures.join(owner, staff, Role.STAFF);
        Owner stranger = signUp("옆 가게");

        for (String token : List.of(staff.token(), stranger.token())) {
            HttpApi.Response json = api.get(owner.shop("/audit"), token);
            assertThat(json.status()).isEqualTo(403);
            assertThat(json.errorCode()).isEqualTo("FORBIDDEN");
            HttpApi.Response csv = api.send("GET", owner.shop("/audit"), token, null, Map.of("Accept", "text/csv"));
            assertThat(csv.status()).isEqualTo(403);
            assertThat(csv.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(api.get(owner.shop("/audit?format=csv"), token).status()).isEqualTo(403);
        }
        assertThat(api.get(owner.shop("/audit"), null).status()).isEqualTo(401);
    }

    @Test
    void badDatesReversedRangesAndUnknownActionsAreRejected() {
        Map<String, String> bad = Map.of(
                "from=2026-13-01", "from",
                "to=yesterday", "to",
                "from=2026-11-10&to=2026-11-01", "from",
                "from=1900-01-01", "from",
                "action=LIKED", "action",
                "actorId=not-a-uuid", "actorId",
                "format=xml", "format",
                "size=0", "size");
        bad.forEach((query, field) -> {
            HttpApi.Response response = api.get(owner.shop("/audit?" + query), owner.token());
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.errorCode()).as(query).isEqualTo("VALIDATION_FAILED");
            assertThat(response.json().path("error").path("details").path("fields").propertyNames()).as(query)
                    .anySatisfy(name -> assertThat(name).contains(field));
        });
        HttpApi.Response csv = api.get(owner.shop("/audit?format=csv&from=2026-02-30"), owner.token());
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.header("Content-Type")).startsWith("application/json");
    }

    private void awaitReview(ReviewId review) {
        eventually(() -> api.get(owner.shop("/reviews/" + review), owner.token()).status(), status -> status == 200,
                "review " + review + " in the inbox");
    }
}
