package kr.salonmate.integration.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static kr.salonmate.integration.google.GoogleFake.ACCOUNT;
import static kr.salonmate.integration.google.GoogleFake.LOCATION;
import static kr.salonmate.integration.google.GoogleFake.REVIEWS_PATH;
import static kr.salonmate.integration.google.GoogleFake.json;
import static kr.salonmate.integration.google.GoogleFake.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoogleBusinessClientTest {

    private static final String TOKEN = "ya29.access-token";
    private static final String REVIEW_PATH = REVIEWS_PATH + "/r-1";
    private static WireMockServer google;

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T03:15:00Z"));
    private GoogleBusinessClient client;

    @BeforeAll
    static void startGoogle() {
        google = new WireMockServer(options().dynamicPort());
        google.start();
    }

    @AfterAll
    static void stopGoogle() {
        google.stop();
    }

    @BeforeEach
    void setUp() {
        google.resetAll();
        client = client(Duration.ofSeconds(2));
    }

    private GoogleBusinessClient client(Duration readTimeout) {
        GoogleProperties properties = new GoogleProperties(google.baseUrl(), google.baseUrl() + "/token",
                "client-1", "client-secret-1", Duration.ofSeconds(1), readTimeout, 3, Duration.ofMillis(100),
                Duration.ofSeconds(30));
        return new GoogleBusinessClient(properties, waits::add, clock);
    }

    @Test
    void listingFollowsNextPageTokenAndMapsGooglesFields() {
        GoogleFake.reviewPages(google,
                "{\"reviews\":[" + review("r-1", "김민지", false, "FIVE", "최고예요!", null) + ","
                        + review("r-2", null, true, "TWO", "Too slow", "Sorry to hear that") + "],"
                        + "\"averageRating\":3.5,\"totalReviewCount\":3,\"nextPageToken\":\"page-2\"}",
                "{\"reviews\":[" + review("r-3", "Jane", false, "THREE", null, null) + "],"
                        + "\"averageRating\":3.3,\"totalReviewCount\":3}");

        List<GoogleReview> reviews = client.listReviews(ACCOUNT, LOCATION, TOKEN);

        assertThat(reviews).extracting(GoogleReview::reviewId).containsExactly("r-1", "r-2", "r-3");
        GoogleReview first = reviews.get(0);
        assertThat(first.reviewerName()).isEqualTo("김민지");
        assertThat(first.starRating()).isEqualTo(5);
        assertThat(first.comment()).isEqualTo("최고예요!");
        assertThat(first.createTime()).isEqualTo(Instant.parse("2026-11-20T01:02:03.456Z"));
        assertThat(first.reply()).isNull();
        GoogleReview second = reviews.get(1);
        assertThat(second.anonymous()).isTrue();
        assertThat(second.starRating()).isEqualTo(2);
        assertThat(second.reply()).isEqualTo(new GoogleReply("Sorry to hear that", Instant.parse("2026-11-22T00:00:00Z")));
        assertThat(reviews.get(2).comment()).isNull();
        google.verify(exactly(2), getRequestedFor(urlPathEqualTo(REVIEWS_PATH))
                .withQueryParam("pageSize", equalTo("50"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void anAccessTokenIsReusedUntilAMinuteBeforeItExpires() {
        GoogleFake.tokenEndpoint(google, TOKEN);

        assertThat(client.accessToken("cred-1", "refresh-1")).isEqualTo(TOKEN);
        clock.advance(Duration.ofSeconds(3500));
        assertThat(client.accessToken("cred-1", "refresh-1")).isEqualTo(TOKEN);
        google.verify(exactly(1), postRequestedFor(urlPathEqualTo("/token")));

        clock.advance(Duration.ofSeconds(60)); // 39 s left: too close to expiry
        client.accessToken("cred-1", "refresh-1");

        google.verify(exactly(2), postRequestedFor(urlPathEqualTo("/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=refresh-1"))
                .withRequestBody(containing("client_id=client-1"))
                .withRequestBody(containing("client_secret=client-secret-1")));
    }

    @Test
    void aRevokedRefreshTokenIsAPermanentAuthRejection() {
        google.stubFor(post(urlPathEqualTo("/token")).willReturn(json(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));

        GoogleAuthRejected rejected = catchThrowableOfType(GoogleAuthRejected.class,
                () -> client.accessToken("cred-1", "refresh-1"));

        assertThat(rejected.isTransient()).isFalse();
        assertThat(rejected.googleStatus()).isEqualTo("invalid_grant");
        assertThat(rejected.getMessage()).contains("Reconnect Google").doesNotContain("refresh-1");
        google.verify(exactly(1), postRequestedFor(urlPathEqualTo("/token")));
    }

    @Test
    void aServiceUnavailableIsRetriedUntilGoogleAnswers() {
        google.stubFor(get(urlPathEqualTo(REVIEW_PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(json(503, "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\","
                        + "\"status\":\"UNAVAILABLE\"}}"))
                .willSetStateTo("up"));
        google.stubFor(get(urlPathEqualTo(REVIEW_PATH)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(json(200, review("r-1", "Jane", false, "FOUR", "Nice", null))));

        GoogleReview review = client.getReview(ACCOUNT, LOCATION, "r-1", TOKEN);

        assertThat(review.starRating()).isEqualTo(4);
        google.verify(exactly(2), getRequestedFor(urlPathEqualTo(REVIEW_PATH)));
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
        google.stubFor(get(urlPathEqualTo(REVIEW_PATH)).inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(json(429, "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\","
                        + "\"status\":\"RESOURCE_EXHAUSTED\"}}").withHeader("Retry-After", "7"))
                .willSetStateTo("ok"));
        google.stubFor(get(urlPathEqualTo(REVIEW_PATH)).inScenario("limited").whenScenarioStateIs("ok")
                .willReturn(json(200, review("r-1", "Jane", false, "FIVE", "Great", null))));

        client.getReview(ACCOUNT, LOCATION, "r-1", TOKEN);

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterLongerThanTheClientWaitsIsHandedToTheCaller() {
        google.stubFor(get(urlPathEqualTo(REVIEW_PATH)).willReturn(json(429,
                "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}")
                .withHeader("Retry-After", "120")));

        GoogleApiException failure = catchThrowableOfType(GoogleApiException.class,
                () -> client.getReview(ACCOUNT, LOCATION, "r-1", TOKEN));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(waits).isEmpty();
        google.verify(exactly(1), getRequestedFor(urlPathEqualTo(REVIEW_PATH)));
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetriedABoundedNumberOfTimes() {
        GoogleBusinessClient impatient = client(Duration.ofMillis(300));
        google.stubFor(get(urlPathEqualTo(REVIEW_PATH)).willReturn(
                json(200, review("r-1", "Jane", false, "FIVE", "Great", null)).withFixedDelay(1_500)));

        GoogleApiException failure = catchThrowableOfType(GoogleApiException.class,
                () -> impatient.getReview(ACCOUNT, LOCATION, "r-1", TOKEN));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.googleStatus()).isEqualTo("TIMEOUT");
        assertThat(failure.status()).isEqualTo(GoogleApiException.NO_RESPONSE);
        google.verify(exactly(3), getRequestedFor(urlPathEqualTo(REVIEW_PATH)));
    }

    @Test
    void aResetConnectionIsRetried() {
        google.stubFor(get(urlPathEqualTo(REVIEW_PATH)).inScenario("reset").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        google.stubFor(get(urlPathEqualTo(REVIEW_PATH)).inScenario("reset").whenScenarioStateIs("ok")
                .willReturn(json(200, review("r-1", "Jane", false, "FIVE", "Great", null))));

        assertThat(client.getReview(ACCOUNT, LOCATION, "r-1", TOKEN).reviewId()).isEqualTo("r-1");
        google.verify(exactly(2), getRequestedFor(urlPathEqualTo(REVIEW_PATH)));
    }

    @Test
    void theReplyIsPutOnceEvenWhenGoogleIsUnavailable() {
        google.stubFor(put(urlPathEqualTo(REVIEW_PATH + "/reply")).willReturn(json(503,
                "{\"error\":{\"code\":503,\"message\":\"Backend Error\",\"status\":\"UNAVAILABLE\"}}")));

        GoogleApiException failure = catchThrowableOfType(GoogleApiException.class,
                () -> client.putReply(ACCOUNT, LOCATION, "r-1", "Thank you!", TOKEN));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.status()).isEqualTo(503);
        google.verify(exactly(1), putRequestedFor(urlPathEqualTo(REVIEW_PATH + "/reply")));
        assertThat(waits).isEmpty();
    }

    @Test
    void aReplyPutThatTimesOutIsNotRepeated() {
        GoogleBusinessClient impatient = client(Duration.ofMillis(300));
        google.stubFor(put(urlPathEqualTo(REVIEW_PATH + "/reply")).willReturn(
                json(200, "{\"comment\":\"Thank you!\",\"updateTime\":\"2026-11-27T03:15:00Z\"}").withFixedDelay(1_000)));

        GoogleApiException failure = catchThrowableOfType(GoogleApiException.class,
                () -> impatient.putReply(ACCOUNT, LOCATION, "r-1", "Thank you!", TOKEN));

        assertThat(failure.isTransient()).isTrue();
        google.verify(exactly(1), putRequestedFor(urlPathEqualTo(REVIEW_PATH + "/reply")));
    }

    @Test
    void anUnreadableAnswerIsATransientFailure() {
        google.stubFor(get(urlPathEqualTo(REVIEW_PATH)).willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"reviewId\": ")));

        GoogleApiException failure = catchThrowableOfType(GoogleApiException.class,
                () -> client.getReview(ACCOUNT, LOCATION, "r-1", TOKEN));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.googleStatus()).isEqualTo("MALFORMED_RESPONSE");
    }

    @Test
    void googlesErrorShapeBecomesAPermanentFailureWithGooglesMessage() {
        google.stubFor(get(urlPathEqualTo(REVIEW_PATH)).willReturn(json(403,
                "{\"error\":{\"code\":403,\"message\":\"The caller does not have permission\","
                        + "\"status\":\"PERMISSION_DENIED\"}}")));

        GoogleApiException failure = catchThrowableOfType(GoogleApiException.class,
                () -> client.getReview(ACCOUNT, LOCATION, "r-1", TOKEN));

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.status()).isEqualTo(403);
        assertThat(failure.googleStatus()).isEqualTo("PERMISSION_DENIED");
        assertThat(failure.getMessage()).contains("The caller does not have permission").doesNotContain(TOKEN);
        google.verify(exactly(1), getRequestedFor(urlPathEqualTo(REVIEW_PATH)));
    }

    @Test
    void aDeletedReviewIsNotFound() {
        google.stubFor(get(urlPathEqualTo(REVIEW_PATH)).willReturn(json(404,
                "{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\",\"status\":\"NOT_FOUND\"}}")));

        assertThatThrownBy(() -> client.getReview(ACCOUNT, LOCATION, "r-1", TOKEN))
                .isInstanceOfSatisfying(GoogleApiException.class, e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.isTransient()).isFalse();
                });
    }

    @Test
    void koreanTextAndGoogleTranslationsTravelUnchanged() {
        String comment = "(Translated by Google) The staff were kind\n\n(Original)\n직원분들이 친절해요 \"최고\" 💅";
        String reply = "따뜻한 후기 감사합니다! 다음에도 정성껏 모시겠습니다 😊";
        google.stubFor(get(urlPathEqualTo(REVIEW_PATH)).willReturn(json(200,
                review("r-1", "이서연", false, "FIVE", comment, null))));
        google.stubFor(put(urlPathEqualTo(REVIEW_PATH + "/reply")).willReturn(json(200,
                "{\"comment\":" + GoogleFake.quote(reply) + ",\"updateTime\":\"2026-11-27T03:15:01Z\"}")));

        GoogleReview review = client.getReview(ACCOUNT, LOCATION, "r-1", TOKEN);
        GoogleReply published = client.putReply(ACCOUNT, LOCATION, "r-1", reply, TOKEN);

        assertThat(review.comment()).isEqualTo(comment);
        assertThat(review.reviewerName()).isEqualTo("이서연");
        assertThat(published).isEqualTo(new GoogleReply(reply, Instant.parse("2026-11-27T03:15:01Z")));
        google.verify(putRequestedFor(urlPathEqualTo(REVIEW_PATH + "/reply"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"comment\":" + GoogleFake.quote(reply) + "}")));
    }
}
