package kr.salonmate.api.e2e;

import static kr.salonmate.api.e2e.PackagedApplication.CATCH_UP;
import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.Csv;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * End to end against the packaged jar: the manager's audit trail (JSON and CSV with Korean text, commas, quotes
 * and line breaks), the shop's analytics, and an operator rebuilding the analytics projection by replaying
 * every event, with progress reaching 1 and the same numbers afterwards. Non-admins are refused the admin API.
 */
class PackagedAuditAnalyticsIT {

    private static final FakeGoogle GOOGLE = new FakeGoogle();
    private static final String TRICKY = "가격은 괜찮고, 직원분이 \"정말\" 친절했어요\n다음에 또 올게요";
    private static TestDatabase.Database database;
    private static Map<String, String> config;

    @BeforeAll
    static void environment() {
        database = TestDatabase.create("e2e");
        config = PackagedApplication.settings(database, "target/e2e-audit-data", GOOGLE,
                "salonmate.admin-emails", "ops@e2e.test");
    }

    @AfterAll
    static void stopGoogle() {
        GOOGLE.close();
    }

    @Test
    void managersReadTheAuditAndOperatorsRebuildAnalyticsOnThePackagedJar() throws Exception {
        try (PackagedApplication app = PackagedApplication.start("audit-analytics", config)) {
            HttpApi api = new HttpApi(app.baseUrl());
            JsonNode signup = api.post("/v1/auth/signup", null, Map.of("email", "owner-audit@e2e.test",
                    "password", "a long enough password", "name", "김실장", "shopName", "감사 살롱")).json();
            String owner = signup.path("accessToken").asText();
            String shopId = signup.path("shop").path("id").asText();
            String shop = "/v1/shops/" + shopId;
            assertThat(api.post("/v1/auth/signup", null, Map.of("email", "ops@e2e.test",
                    "password", "operators password", "name", "Ops", "shopName", "Ops")).status()).isEqualTo(201);
            // a listed e-mail is ADMIN only once verified: the packaged jar's local default writes the mail as .eml
            String verification = kr.salonmate.api.support.Mails.awaitEmlToken(
                    java.nio.file.Path.of("target/e2e-audit-data/outbox"), "ops@e2e.test", "verify-email");
            assertThat(api.post("/v1/auth/verify-email", null, Map.of("token", verification)).status()).isEqualTo(200);
            String admin = api.post("/v1/auth/login", null, Map.of("email", "ops@e2e.test",
                    "password", "operators password")).json().path("accessToken").asText();

            String tricky = "audit-tricky-" + UUID.randomUUID();
            GOOGLE.addReview(shopId, tricky, "이서연", 5, TRICKY, Instant.parse("2026-11-24T03:00:00Z"));
            GOOGLE.addReview(shopId, "audit-2-" + UUID.randomUUID(), "Jun", 2, "Waited forty minutes, the cut was uneven.",
                    Instant.parse("2026-11-25T03:00:00Z"));
            GOOGLE.addReview(shopId, "audit-3-" + UUID.randomUUID(), "박민지", 4, "염색 색감이 예뻐요. 가격은 조금 비싸요.",
                    Instant.parse("2026-11-25T05:00:00Z"));
            assertThat(api.put(shop + "/connections/google", owner, Map.of("accountId", "acc-1", "locationId", shopId,
                    "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN)).status()).isEqualTo(200);
            assertThat(api.post(shop + "/reviews/sync", owner, null).status()).isEqualTo(202);
            JsonNode drafted = eventually(() -> api.get(shop + "/reviews?size=100", owner).json().path("items"),
                    items -> items.size() == 3 && allHaveStatus(items, "DRAFTED"),
                    "the three reviews drafted", CATCH_UP);

            String trickyId = null;
            for (JsonNode item : drafted) {
                if (item.path("externalId").asText().equals(tricky)) {
                    trickyId = item.path("id").asText();
                }
            }
            final String reviewId = trickyId;
            String reply = "감사합니다, \"이서연\" 고객님!\n또 뵐게요";
            assertThat(api.post(shop + "/reviews/" + reviewId + "/reply/approve", owner, Map.of("text", reply))
                    .status()).isEqualTo(202);
            eventually(() -> api.get(shop + "/reviews/" + reviewId, owner).json().path("status").asText(),
                    "PUBLISHED"::equals, "the reply published", CATCH_UP);

            // the audit: every step, JSON and CSV agree, Korean text with commas, quotes and newlines intact
            JsonNode audit = eventually(() -> api.get(shop + "/audit?size=100", owner).json(),
                    // SYNCED, DRAFT_REQUESTED, DRAFTED each; EDITED, APPROVED, PUBLISHED once
                    page -> page.path("total").asLong() == 3 * 3 + 3, "the audit of the three reviews", CATCH_UP);
            HttpApi.Response csv = api.get(shop + "/audit?format=csv", owner);
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.body().getBytes(StandardCharsets.UTF_8)).startsWith(0xEF, 0xBB, 0xBF);
            List<List<String>> rows = Csv.parse(csv.body().substring(1));
            assertThat(rows).hasSize(1 + audit.path("total").intValue());
            assertThat(rows).filteredOn(row -> row.get(1).equals(reviewId) && row.get(2).equals("SYNCED"))
                    .extracting(row -> row.get(6)).containsExactly(TRICKY);
            assertThat(rows).filteredOn(row -> row.get(1).equals(reviewId) && row.get(2).equals("PUBLISHED"))
                    .extracting(row -> row.get(6)).containsExactly(reply);

            // analytics in the shop's time zone
            String analyticsPath = shop + "/analytics?from=2026-11-20&to=2026-11-27&bucket=DAY";
            JsonNode before = eventually(() -> api.get(analyticsPath, owner).json(),
                    a -> sum(a, "reviews") == 3 && sum(a, "replies") == 1,
                    "the analytics of the three reviews", CATCH_UP);
            assertThat(before.path("keywords")).isNotEmpty();

            // the operator replays the analytics projection: progress to 1, the same numbers afterwards
            HttpApi.Response refused = api.post("/v1/admin/projections/analytics/replay", owner, null);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
            JsonNode listed = api.get("/v1/admin/projections", admin).json();
            assertThat(listed.findValuesAsString("name")).contains("analytics", "reply-audit", "review-inbox");
            assertThat(api.post("/v1/admin/projections/analytics/replay", admin, null).status()).isEqualTo(202);
            JsonNode done = eventually(() -> api.get("/v1/admin/projections/analytics", admin).json(),
                    p -> !p.path("replaying").asBoolean() && p.path("lag").asLong() == 0,
                    "the analytics replay to finish", CATCH_UP);
            assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
            JsonNode after = eventually(() -> api.get(analyticsPath, owner).json(), a -> sum(a, "reviews") == 3,
                    "the analytics after the replay", CATCH_UP);
            assertThat(after).isEqualTo(before);
            assertThat(api.get("/v1/admin/dead-letters", admin).status()).isEqualTo(200);
        }
    }

    private static boolean allHaveStatus(JsonNode items, String status) {
        for (JsonNode item : items) {
            if (!item.path("status").asText().equals(status)) {
                return false;
            }
        }
        return true;
    }

    private static long sum(JsonNode analytics, String field) {
        long total = 0;
        for (JsonNode bucket : analytics.path("buckets")) {
            total += bucket.path(field).asLong();
        }
        return total;
    }
}
