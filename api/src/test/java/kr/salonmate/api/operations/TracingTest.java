package kr.salonmate.api.operations;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * One approval followed from the click to Google's answer: the request's trace goes with the ApproveReply command,
 * its event and the publishing saga into the PUT that Google receives, and the log lines of the saga carry the same
 * trace id as the request's.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingTest extends IntegrationTest {

    @Test
    void theTraceOfAnApprovalReachesGoogleAndTheLogLinesOfItsPublication(CapturedOutput output) {
        Owner owner = signUp("살롱 트레이스");
        String externalId = "trace-" + UUID.randomUUID();
        GOOGLE.addReview(owner.shopId(), externalId, "최유리", 5, "친절하고 꼼꼼해요", Instant.parse("2026-11-22T03:00:00Z"));
        assertThat(api.put(owner.shop("/connections/google"), owner.token(), Map.of("accountId", "acc-1",
                "locationId", owner.shopId(), "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN)).status()).isEqualTo(200);
        assertThat(api.post(owner.shop("/reviews/sync"), owner.token(), null).status()).isEqualTo(202);
        JsonNode drafted = eventually(() -> find(owner, externalId),
                r -> r != null && r.path("status").asText().equals("DRAFTED"), "the review drafted");

        HttpApi.Response approve = api.post(owner.shop("/reviews/" + drafted.path("id").asText() + "/reply/approve"),
                owner.token(), Map.of());
        assertThat(approve.status()).isEqualTo(202);
        eventually(() -> GOOGLE.replyPuts(externalId), puts -> puts == 1, "the reply published");

        String traceparent = GOOGLE.replyTraceparent(externalId);
        assertThat(traceparent).as("the traceparent Google received").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String traceId = traceparent.substring(3, 35);
        // the saga logs its line once Google has answered: a moment after the PUT arrived there
        List<String> linesOfTheTrace = eventually(() -> output.getOut().lines().filter(line -> line.contains(traceId))
                        .toList(),
                lines -> lines.stream().anyMatch(line -> line.contains("Published approval")),
                "the publication's log line with trace id " + traceId);
        assertThat(linesOfTheTrace).as("log lines with trace id " + traceId)
                .anyMatch(line -> line.contains("Published approval") && line.contains(drafted.path("id").asText()));
        // the trace began with the approval's request: its sync (an earlier request) had another trace
        assertThat(output.getOut().lines().filter(line -> line.contains("Synced shop " + owner.shopId())))
                .noneMatch(line -> line.contains(traceId));
    }

    @Test
    void anErrorNamesTheTraceOfItsRequestAlsoWhenTheCallerStartedIt() throws Exception {
        Owner owner = signUp("살롱 오류");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        java.net.http.HttpResponse<String> missing = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.baseUrl()
                                + owner.shop("/reviews/" + UUID.randomUUID())))
                        .header("Authorization", "Bearer " + owner.token())
                        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                        .GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(404);
        JsonNode error = kr.salonmate.api.support.Json.parse(missing.body()).path("error");
        assertThat(error.path("details").path("traceId").asText()).as(missing.body()).isEqualTo(traceId);
    }

    private JsonNode find(Owner owner, String externalId) {
        for (JsonNode item : api.get(owner.shop("/reviews?size=100"), owner.token()).json().path("items")) {
            if (item.path("externalId").asText().equals(externalId)) {
                return item;
            }
        }
        return null;
    }
}
