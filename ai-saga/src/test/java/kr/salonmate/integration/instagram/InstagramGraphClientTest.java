package kr.salonmate.integration.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real client over HTTP against the Graph API's wire format played by WireMock, errors included. */
class InstagramGraphClientTest {

    private static final String IG = "17841400000000001";
    private static final String TOKEN = "IGQVJ-secret";
    private static WireMockServer graph;
    private InstagramGraphClient client;

    @BeforeAll
    static void start() {
        graph = new WireMockServer(options().dynamicPort());
        graph.start();
    }

    @AfterAll
    static void stop() {
        graph.stop();
    }

    @BeforeEach
    void setUp() {
        graph.resetAll();
        client = new InstagramGraphClient(new InstagramProperties(graph.baseUrl() + "/v21.0/", null,
                Duration.ofSeconds(2), 3, null, null, 3));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String error(int code, Integer subcode, boolean isTransient) {
        return "{\"error\":{\"message\":\"Graph says no\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"is_transient\":" + isTransient
                + ",\"fbtrace_id\":\"A1\"}}";
    }

    private InstagramApiException failureOf(int status, int code, Integer subcode, boolean isTransient) {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + IG + "/media")).willReturn(json(status, error(code, subcode,
                isTransient)).withHeader("Retry-After", "120")));
        return catchThrowableOfType(InstagramApiException.class,
                () -> client.createImageContainer(IG, TOKEN, "https://salon/p.jpg", "hi", false));
    }

    @Test
    void aContainerIsCreatedWithTheTokenInTheHeaderAndTheImageUrlAndCaptionInTheForm() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + IG + "/media")).willReturn(json(200, "{\"id\":\"c-1\"}")));

        String id = client.createImageContainer(IG, TOKEN, "https://salon/v1/media/1?expires=9&signature=a+b",
                "겨울 ✂️\n\n#헤어", false);

        assertThat(id).isEqualTo("c-1");
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + IG + "/media"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(containing("image_url=https%3A%2F%2Fsalon%2Fv1%2Fmedia%2F1%3Fexpires%3D9%26signature%3Da%2Bb"))
                .withRequestBody(containing("caption=%EA%B2%A8%EC%9A%B8")));
        assertThat(graph.getAllServeEvents().get(0).getRequest().getUrl()).doesNotContain(TOKEN);
    }

    @Test
    void aCarouselNamesItsChildren() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + IG + "/media")).willReturn(json(200, "{\"id\":\"car-1\"}")));

        assertThat(client.createCarouselContainer(IG, TOKEN, List.of("c-1", "c-2"), "hi")).isEqualTo("car-1");
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + IG + "/media"))
                .withRequestBody(containing("media_type=CAROUSEL")).withRequestBody(containing("children=c-1%2Cc-2")));
    }

    @Test
    void statusLimitPublishAndPermalinkAreRead() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/c-1")).willReturn(json(200,
                "{\"status_code\":\"IN_PROGRESS\",\"id\":\"c-1\"}")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + IG + "/content_publishing_limit")).willReturn(json(200,
                "{\"data\":[{\"quota_usage\":4,\"config\":{\"quota_total\":100,\"quota_duration\":86400}}]}")));
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + IG + "/media_publish")).withQueryParam("creation_id",
                equalTo("c-1")).willReturn(json(200, "{\"id\":\"m-1\"}")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/m-1")).willReturn(json(200,
                "{\"permalink\":\"https://www.instagram.com/p/X/\",\"id\":\"m-1\"}")));

        assertThat(client.containerStatus("c-1", TOKEN)).isEqualTo(ContainerStatus.IN_PROGRESS);
        assertThat(client.publishingLimit(IG, TOKEN)).isEqualTo(new PublishingLimit(4, 100, 86_400));
        assertThat(client.publish(IG, TOKEN, "c-1")).isEqualTo("m-1");
        assertThat(client.permalink("m-1", TOKEN)).isEqualTo("https://www.instagram.com/p/X/");
    }

    @Test
    void anExpiredTokenIsPermanentAndAsksToReconnect() {
        InstagramApiException e = failureOf(400, 190, 463, false);
        assertThat(e.reason()).isEqualTo("INSTAGRAM_TOKEN_EXPIRED");
        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("Reconnect Instagram").doesNotContain(TOKEN);
    }

    @Test
    void rateLimitsAreTransientAndKeepRetryAfter() {
        for (int code : new int[]{4, 17, 32, 613}) {
            InstagramApiException e = failureOf(400, code, null, false);
            assertThat(e.reason()).as("code " + code).isEqualTo("INSTAGRAM_RATE_LIMITED");
            assertThat(e.isTransient()).isTrue();
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        }
    }

    @Test
    void aPhotoInstagramCannotFetchIsPermanentAndNamesThePublicAddress() {
        InstagramApiException byCode = failureOf(400, 9004, 2207052, false);
        assertThat(byCode.reason()).isEqualTo("INSTAGRAM_MEDIA_FETCH_FAILED");
        assertThat(byCode.isTransient()).isFalse();
        assertThat(byCode.getMessage()).contains("SALONMATE_PUBLIC_BASE_URL");
        assertThat(failureOf(400, 9, 2207052, false).reason()).isEqualTo("INSTAGRAM_MEDIA_FETCH_FAILED");
    }

    @Test
    void mediaInstagramRefusesIsPermanent() {
        assertThat(failureOf(400, 9, 2207026, false).reason()).isEqualTo("INSTAGRAM_MEDIA_REJECTED");
        assertThat(failureOf(400, 9, 2207009, false).getMessage()).contains("4:5").contains("1.91:1");
        assertThat(failureOf(400, 9, 2207042, false).reason()).isEqualTo("INSTAGRAM_QUOTA_EXHAUSTED");
        assertThat(failureOf(400, 10, null, false).reason()).isEqualTo("INSTAGRAM_PERMISSION_DENIED");
        assertThat(failureOf(400, 100, 33, false).isTransient()).isFalse();
    }

    @Test
    void serverTroubleIsTransient() {
        assertThat(failureOf(500, 2, null, true).isTransient()).isTrue();
        assertThat(failureOf(400, 9, 2207001, false).isTransient()).isTrue();
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + IG + "/media")).willReturn(aResponse().withStatus(502)
                .withBody("<html>Bad gateway</html>")));
        InstagramApiException html = catchThrowableOfType(InstagramApiException.class,
                () -> client.createImageContainer(IG, TOKEN, "u", null, false));
        assertThat(html.isTransient()).isTrue();
        assertThat(html.reason()).isEqualTo("INSTAGRAM_UNAVAILABLE");
    }

    @Test
    void aSlowAnswerIsATransientTimeout() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + IG + "/media_publish")).willReturn(json(200, "{\"id\":\"m\"}")
                .withFixedDelay(3_000)));
        InstagramApiException e = catchThrowableOfType(InstagramApiException.class,
                () -> client.publish(IG, TOKEN, "c-1"));
        assertThat(e.isTransient()).isTrue();
        assertThat(e.status()).isEqualTo(InstagramApiException.NO_RESPONSE);
        graph.verify(1, postRequestedFor(urlPathEqualTo("/v21.0/" + IG + "/media_publish")));
    }
}
