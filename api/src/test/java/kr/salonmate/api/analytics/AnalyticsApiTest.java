package kr.salonmate.api.analytics;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.ShopFixtures;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Review analytics through the HTTP API: buckets in the shop's time zone, who may see them, bad input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiTest extends IntegrationTest {

    @Autowired
    private AccountStore accounts;
    @Autowired
    private CommandGateway commands;

    private ShopFixtures fixtures;
    private Owner owner;
    private Owner manager;

    /** Once for all tests of the class, which only read. */
    @BeforeEach
    void aShopWithReviews() {
        if (owner != null) {
            return;
        }
        fixtures = new ShopFixtures(accounts, commands);
        owner = signUp("분석 살롱");
        manager = signUp("manager's own shop");
        fixtures.join(owner, manager, Role.MANAGER);
        // 00:30 and 11:00 on Tuesday 3 November in Seoul (the first is still 2 November in UTC); Monday 9 November
        fixtures.sync(owner, "an-" + UUID.randomUUID(), 5, "원장님 커트 최고예요! 친절해요",
                Instant.parse("2026-11-02T15:30:00Z"));
        fixtures.sync(owner, "an-" + UUID.randomUUID(), 2, "커트가 별로였어요, 직원도 불친절",
                Instant.parse("2026-11-03T02:00:00Z"));
        fixtures.sync(owner, "an-" + UUID.randomUUID(), 4, "Lovely staff, great haircut",
                Instant.parse("2026-11-09T01:00:00Z"));
        eventually(() -> analytics("?from=2026-11-01&to=2026-11-30&bucket=MONTH", manager).json(),
                view -> view.path("buckets").get(0).path("reviews").asLong() == 3, "the reviews in analytics");
    }

    @Test
    void dayWeekAndMonthBucketsAreInTheShopsTimeZone() {
        JsonNode days = analytics("?from=2026-11-02&to=2026-11-03&bucket=DAY", manager).json();
        assertThat(starts(days)).containsExactly("2026-11-02", "2026-11-03");
        JsonNode tuesday = days.path("buckets").get(1);
        assertThat(tuesday.path("reviews").asLong()).isEqualTo(2);
        assertThat(tuesday.path("averageRating").asDouble()).isEqualTo(3.5);
        assertThat(tuesday.path("ratingCounts").propertyNames()).containsExactly("1", "2", "3", "4", "5");
        assertThat(tuesday.path("ratingCounts").path("5").asLong()).isEqualTo(1);
        assertThat(tuesday.path("ratingCounts").path("2").asLong()).isEqualTo(1);
        assertThat(tuesday.path("replyRate").asDouble()).isZero();
        assertThat(tuesday.path("medianResponseMinutes").isNull()).isTrue();
        assertThat(tuesday.has("aiAcceptedUnchanged")).isTrue();
        assertThat(tuesday.has("aiEdited")).isTrue();
        assertThat(days.path("buckets").get(0).path("reviews").asLong()).isZero();
        assertThat(days.path("buckets").get(0).path("averageRating").isNull()).isTrue();

        JsonNode weeks = analytics("?from=2026-11-01&to=2026-11-15&bucket=week", manager).json();
        assertThat(starts(weeks)).containsExactly("2026-10-26", "2026-11-02", "2026-11-09");
        List<Long> perWeek = new ArrayList<>();
        weeks.path("buckets").forEach(b -> perWeek.add(b.path("reviews").asLong()));
        assertThat(perWeek).containsExactly(0L, 2L, 1L);

        JsonNode month = analytics("?from=2026-11-01&to=2026-11-30&bucket=MONTH", owner).json();
        assertThat(month.path("sentiment").path("positive").asLong()).isEqualTo(2);
        assertThat(month.path("sentiment").path("negative").asLong()).isEqualTo(1);
        assertThat(month.path("sentiment").path("neutral").asLong()).isZero();
        assertThat(month.path("keywords").get(0).path("term").asText()).isEqualTo("커트");
        assertThat(month.path("keywords").get(0).path("count").asLong()).isEqualTo(2);
    }

    @Test
    void withoutDatesTheLastThirtyDaysUpToTodayInTheShopsZoneAreShown() {
        JsonNode view = analytics("", manager).json();
        List<String> starts = starts(view);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        assertThat(starts).hasSize(30);
        assertThat(starts.get(29)).isEqualTo(today.toString());
        assertThat(starts.get(0)).isEqualTo(today.minusDays(29).toString());
    }

    @Test
    void staffMembersAndOtherShopsAreForbidden() {
        Owner staff = signUp("staff's own shop");
        fixtures.join(owner, staff, Role.STAFF);
        Owner stranger = signUp("옆 가게");

        assertThat(analytics("", staff).status()).isEqualTo(403);
        assertThat(analytics("", stranger).status()).isEqualTo(403);
        assertThat(analytics("", stranger).errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void badDatesReversedRangesAndUnknownBucketsAreRejected() {
        Map<String, String> bad = Map.of(
                "?bucket=YEAR", "bucket",
                "?from=2026-11-31", "from",
                "?to=2026/11/01", "to",
                "?from=2026-11-10&to=2026-11-09", "from",
                "?from=2000-01-01&to=2026-01-01", "to");
        bad.forEach((query, field) -> {
            HttpApi.Response response = analytics(query, manager);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.errorCode()).as(query).isEqualTo("VALIDATION_FAILED");
            assertThat(response.json().path("error").path("details").path("fields").has(field)).as(query).isTrue();
        });
    }

    private HttpApi.Response analytics(String query, Owner who) {
        return api.get(owner.shop("/analytics" + query), who.token());
    }

    private static List<String> starts(JsonNode view) {
        List<String> starts = new ArrayList<>();
        view.path("buckets").forEach(b -> starts.add(b.path("start").asText()));
        return starts;
    }
}
