package kr.salonmate.integration.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Google's wire format, played by WireMock: the token endpoint and reviews.list pages. */
final class GoogleFake {

    static final String ACCOUNT = "1234567890";
    static final String LOCATION = "987654321";
    static final String REVIEWS_PATH = "/v4/accounts/" + ACCOUNT + "/locations/" + LOCATION + "/reviews";

    private GoogleFake() {
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body);
    }

    static void tokenEndpoint(WireMockServer server, String accessToken) {
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(json(200,
                "{\"access_token\":\"" + accessToken + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
    }

    static void reviewPages(WireMockServer server, String firstPage, String secondPage) {
        server.stubFor(get(urlPathEqualTo(REVIEWS_PATH)).withQueryParam("pageToken", absent())
                .willReturn(json(200, firstPage)));
        server.stubFor(get(urlPathEqualTo(REVIEWS_PATH)).withQueryParam("pageToken", equalTo("page-2"))
                .willReturn(json(200, secondPage)));
    }

    static String review(String id, String name, boolean anonymous, String stars, String comment, String reply) {
        return "{\"name\":\"accounts/" + ACCOUNT + "/locations/" + LOCATION + "/reviews/" + id + "\","
                + "\"reviewId\":\"" + id + "\","
                + "\"reviewer\":{\"displayName\":" + (name == null ? "null" : "\"" + name + "\"")
                + ",\"isAnonymous\":" + anonymous + "},"
                + "\"starRating\":\"" + stars + "\","
                + (comment == null ? "" : "\"comment\":" + quote(comment) + ",")
                + "\"createTime\":\"2026-11-20T01:02:03.456Z\",\"updateTime\":\"2026-11-21T01:02:03Z\""
                + (reply == null ? "" : ",\"reviewReply\":{\"comment\":" + quote(reply)
                + ",\"updateTime\":\"2026-11-22T00:00:00Z\"}")
                + "}";
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
