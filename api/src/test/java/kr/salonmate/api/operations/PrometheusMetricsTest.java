package kr.salonmate.api.operations;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PRODUCT.md's operations metrics at {@code /actuator/prometheus}: requests, reviews synced, AI generations,
 * replies published, and how far each processor is behind. Counters are compared before and after, since the
 * application is shared with other tests.
 */
class PrometheusMetricsTest extends IntegrationTest {

    @Test
    void theReviewLoopShowsUpInTheMetrics() {
        String before = scrape();
        Owner owner = signUp("살롱 지표");
        List<String> externalIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String externalId = "metrics-" + UUID.randomUUID();
            GOOGLE.addReview(owner.shopId(), externalId, "손님 " + i, 5, "정말 좋아요 " + i, Instant.parse("2026-11-26T01:00:00Z"));
            externalIds.add(externalId);
        }
        api.put(owner.shop("/connections/google"), owner.token(), Map.of("accountId", "acc-1",
                "locationId", owner.shopId(), "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN));
        assertThat(api.post(owner.shop("/reviews/sync"), owner.token(), null).status()).isEqualTo(202);
        JsonNode items = eventually(() -> api.get(owner.shop("/reviews?status=DRAFTED"), owner.token()).json().path("items"),
                list -> list.size() == 3, "three drafts");
        String reviewId = items.get(0).path("id").asText();
        HttpApi.Response approve = api.post(owner.shop("/reviews/" + reviewId + "/reply/approve"), owner.token(), Map.of());
        assertThat(approve.status()).as(approve.body()).isEqualTo(202);
        eventually(() -> api.get(owner.shop("/reviews/" + reviewId), owner.token()).json().path("status").asText(),
                "PUBLISHED"::equals, "the publication");

        String after = eventually(this::scrape,
                text -> value(text, "salonmate_replies_published_total") >= value(before, "salonmate_replies_published_total") + 1,
                "the published reply counted");
        assertThat(value(after, "salonmate_replies_published_total") - value(before, "salonmate_replies_published_total"))
                .as("one PUT to Google").isEqualTo(1);
        assertThat(value(after, "salonmate_reviews_synced_total") - value(before, "salonmate_reviews_synced_total"))
                .isGreaterThanOrEqualTo(3);
        assertThat(value(after, "salonmate_review_syncs_total{status=\"SYNCED\"}")
                - value(before, "salonmate_review_syncs_total{status=\"SYNCED\"}")).isGreaterThanOrEqualTo(1);
        String generations = "salonmate_ai_generations_total{kind=\"reply\",model=\"salonmate-builtin\",outcome=\"success\"}";
        assertThat(value(after, generations) - value(before, generations)).isGreaterThanOrEqualTo(3);
        assertThat(value(after, "salonmate_ai_generation_seconds_count{kind=\"reply\",outcome=\"success\"}"))
                .isGreaterThanOrEqualTo(3);
        assertThat(after).containsPattern("salonmate_processor_lag_events\\{[^}]*processor=\"review-inbox\"")
                .containsPattern("salonmate_processor_lag_events\\{[^}]*processor=\"reply-drafting\"")
                .containsPattern("salonmate_processor_lag_events\\{[^}]*processor=\"analytics\"");
        assertThat(value(after, "http_server_requests_seconds_count")).isPositive();
        // the read models have caught up, so nothing here is behind
        String settled = eventually(this::scrape, text -> value(text, "salonmate_processor_lag_events{processor=\"review-inbox\"}") == 0,
                "review-inbox to report no lag");
        assertThat(value(settled, "salonmate_processor_lag_events{processor=\"review-inbox\"}")).isZero();
    }

    private String scrape() {
        HttpApi.Response response = api.send("GET", "/actuator/prometheus", null, null,
                Map.of("Authorization", METRICS_AUTHORIZATION));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /**
     * The sum of the samples named like {@code series} whose labels include the ones it gives
     * ({@code name{a="x",b="y"}}; other labels, such as common tags, may be there too); 0 when there is none.
     */
    private static double value(String exposition, String series) {
        int brace = series.indexOf('{');
        String name = brace < 0 ? series : series.substring(0, brace);
        List<String> wanted = new ArrayList<>();
        Matcher label = Pattern.compile("(\\w+=\"[^\"]*\")").matcher(brace < 0 ? "" : series.substring(brace));
        while (label.find()) {
            wanted.add(label.group(1));
        }
        double total = 0;
        Matcher line = Pattern.compile("(?m)^([a-zA-Z_:][\\w:]*)(\\{[^}]*})? (\\S+)$").matcher(exposition);
        while (line.find()) {
            String labels = line.group(2) == null ? "" : line.group(2);
            if (line.group(1).equals(name) && wanted.stream().allMatch(labels::contains)) {
                total += Double.parseDouble(line.group(3));
            }
        }
        return total;
    }
}
