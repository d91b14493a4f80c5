package kr.salonmate.api.badinput;

import static kr.salonmate.api.support.Errors.assertError;
import static kr.salonmate.api.support.Errors.assertInvalid;
import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.ShopWithReviewsTest;
import kr.salonmate.api.support.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests written to break the server: expiries no clock can hold, query strings that are not UTF-8, 10,000-deep
 * JSON, multi-megabyte strings, numbers past every range. Each is a documented 4xx with the envelope; never a 500,
 * never a stack trace in the body or in the log, and nothing is changed.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTest extends ShopWithReviewsTest {

    private static Owner owner;

    @BeforeEach
    void shareOneOwner() {
        if (owner == null) {
            owner = signUp("살롱 적대적 입력");
        }
    }

    @ParameterizedTest(name = "expires={0}")
    @ValueSource(longs = {Long.MAX_VALUE, Long.MIN_VALUE, 31556889864403200L, -31557014167219201L, 99999999999L, -1})
    void aPhotoLinkWithAnExpiryNoClockCanHoldIsRefusedLikeABadSignature(long expires, CapturedOutput log) {
        String path = "/v1/media/" + UUID.randomUUID() + "?expires=" + expires + "&signature=x";

        assertError(api.get(path, null), 403, "FORBIDDEN");
        assertThat(log.getAll()).doesNotContain("DateTimeException", "Unhandled failure");
    }

    static Stream<String> endpointsWithQueries() {
        return Stream.of("/v1/shops/{shop}/reviews", "/v1/shops/{shop}/posts", "/v1/shops/{shop}/audit",
                "/v1/shops/{shop}/analytics", "/v1/shops/{shop}/dashboard", "/v1/shops/{shop}", "/v1/me",
                "/v1/media/" + UUID.randomUUID(), "/v1/admin/projections", "/actuator/health");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithQueries")
    void aQueryStringThatIsNotUtf8IsAValidationError(String endpoint, CapturedOutput log) {
        String path = endpoint.replace("{shop}", owner.shopId());
        for (String query : new String[]{"?q=%FF%FE", "?%FF%FE=1", "?page=1&q=%C0%AF"}) {
            HttpApi.Response response = api.get(path + query, owner.token());
            assertInvalid(response, "query");
        }
        assertThat(log.getAll()).doesNotContain("InvalidParameterException", "Unhandled failure");
    }

    static Stream<Arguments> numbersOutOfRange() {
        return Stream.of(
                Arguments.of("/v1/shops/{shop}/reviews?page=99999999999999999999", "page"),
                Arguments.of("/v1/shops/{shop}/reviews?page=-1", "page"),
                Arguments.of("/v1/shops/{shop}/reviews?size=-5", "size"),
                Arguments.of("/v1/shops/{shop}/reviews?size=0", "size"),
                Arguments.of("/v1/shops/{shop}/reviews?size=2147483648", "size"),
                Arguments.of("/v1/shops/{shop}/reviews?rating=1e400", "rating"),
                Arguments.of("/v1/shops/{shop}/reviews?rating=-99999999999999999999", "rating"),
                Arguments.of("/v1/shops/{shop}/reviews?rating=NaN", "rating"),
                Arguments.of("/v1/shops/{shop}/reviews?status=DROP%20TABLE", "status"),
                Arguments.of("/v1/shops/{shop}/reviews?q=" + "x".repeat(5000), "q"),
                Arguments.of("/v1/shops/{shop}/posts?page=1e400", "page"),
                Arguments.of("/v1/shops/{shop}/posts?size=-1", "size"),
                Arguments.of("/v1/shops/{shop}/audit?page=99999999999999999999", "page"),
                Arguments.of("/v1/shops/{shop}/audit?size=-1", "size"),
                Arguments.of("/v1/shops/{shop}/audit?actorId=not-a-uuid", "actorId"),
                Arguments.of("/v1/shops/{shop}/audit?from=+999999999-12-31&to=+999999999-12-31", "from"),
                Arguments.of("/v1/shops/{shop}/audit?from=-999999999-01-01&to=2026-01-01", "from"),
                Arguments.of("/v1/shops/{shop}/analytics?from=+999999999-12-31&to=+999999999-12-31", "from"),
                Arguments.of("/v1/shops/{shop}/analytics?from=-999999999-01-01&to=+999999999-12-31", "from"),
                Arguments.of("/v1/shops/{shop}/analytics?from=99999-99-99", "from"),
                Arguments.of("/v1/media/{id}?expires=1e400&signature=x", "expires"),
                Arguments.of("/v1/media/{id}?expires=99999999999999999999&signature=x", "expires"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbersOutOfRange")
    void numbersAndValuesOutOfRangeInTheQueryAreValidationErrors(String endpoint, String field, CapturedOutput log) {
        String path = endpoint.replace("{shop}", owner.shopId()).replace("{id}", UUID.randomUUID().toString());

        assertInvalid(api.get(path, owner.token()), field);
        assertThat(log.getAll()).doesNotContain("Unhandled failure");
    }

    static Stream<Arguments> bodies() {
        String review = "/v1/shops/{shop}/reviews/" + UUID.randomUUID();
        String post = "/v1/shops/{shop}/posts/" + UUID.randomUUID();
        return Stream.of(
                Arguments.of("POST", "/v1/shops"), Arguments.of("PUT", "/v1/shops/{shop}/reply-settings"),
                Arguments.of("PUT", "/v1/shops/{shop}/connections/google"),
                Arguments.of("PUT", "/v1/shops/{shop}/connections/instagram"),
                Arguments.of("POST", "/v1/auth/login"), Arguments.of("POST", "/v1/auth/signup"),
                Arguments.of("POST", "/v1/auth/refresh"), Arguments.of("PUT", review + "/reply"),
                Arguments.of("POST", review + "/reply/approve"), Arguments.of("POST", review + "/reply/draft"),
                Arguments.of("POST", review + "/reply/reject"), Arguments.of("POST", "/v1/shops/{shop}/posts"),
                Arguments.of("PUT", post), Arguments.of("POST", post + "/publish"),
                Arguments.of("POST", post + "/caption/draft"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bodies")
    void tenThousandDeepJsonIsMalformed(String method, String endpoint, CapturedOutput log) {
        String path = endpoint.replace("{shop}", owner.shopId());
        String deepArray = "[".repeat(10_000) + "]".repeat(10_000);
        String deepObject = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

        for (String body : new String[]{deepArray, deepObject, "{\"name\":" + deepArray + "}"}) {
            HttpApi.Response response = api.send(method, path, owner.token(), body, Map.of());
            assertThat(response.status()).as("%s %s: %s", method, path, response.body()).isBetween(400, 499);
            assertError(response, response.status(), response.errorCode());
            assertThat(response.errorCode()).isIn("MALFORMED_REQUEST", "VALIDATION_FAILED");
        }
        assertThat(log.getAll()).doesNotContain("StackOverflowError", "Unhandled failure");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bodies")
    void twoMebibyteStringsAreTooLarge(String method, String endpoint) {
        String path = endpoint.replace("{shop}", owner.shopId());
        String body = "{\"name\":\"" + "가".repeat(700_000) + "\"}"; // 2.1 MB of UTF-8

        assertError(api.send(method, path, owner.token(), body, Map.of()), 413, "PAYLOAD_TOO_LARGE");
    }

    static Stream<Arguments> numbersInBodies() {
        String review = "/v1/shops/{shop}/reviews/" + UUID.randomUUID();
        String post = "/v1/shops/{shop}/posts/{post}";
        String settings = "{\"tone\":\"FRIENDLY\",\"language\":\"AUTO\",\"autoDraft\":true,\"autoPublishMinRating\":%s}";
        return Stream.of(
                Arguments.of("PUT", "/v1/shops/{shop}/reply-settings", settings.formatted("1e400"), "autoPublishMinRating"),
                Arguments.of("PUT", "/v1/shops/{shop}/reply-settings", settings.formatted("-1e400"), "autoPublishMinRating"),
                Arguments.of("PUT", "/v1/shops/{shop}/reply-settings", settings.formatted("99999999999999999999"),
                        "autoPublishMinRating"),
                Arguments.of("PUT", "/v1/shops/{shop}/reply-settings", settings.formatted("-2147483649"),
                        "autoPublishMinRating"),
                Arguments.of("PUT", "/v1/shops/{shop}/reply-settings", settings.formatted("0"), "autoPublishMinRating"),
                Arguments.of("PUT", review + "/reply", "{\"text\":\"x\",\"expectedVersion\":99999999999999999999}",
                        "expectedVersion"),
                Arguments.of("PUT", review + "/reply", "{\"text\":\"x\",\"expectedVersion\":-1}", "expectedVersion"),
                Arguments.of("PUT", review + "/reply", "{\"text\":\"x\",\"expectedVersion\":1e400}", "expectedVersion"),
                Arguments.of("POST", review + "/reply/approve", "{\"expectedVersion\":-9223372036854775808}",
                        "expectedVersion"),
                Arguments.of("PUT", post, "{\"caption\":\"x\",\"hashtags\":[],\"expectedVersion\":1e400}",
                        "expectedVersion"),
                Arguments.of("POST", post + "/publish", "{\"at\":\"+999999999-12-31T23:59:59+09:00\"}", "at"),
                Arguments.of("POST", post + "/publish", "{\"at\":\"-999999999-01-01T00:00:00Z\"}", null),
                Arguments.of("POST", post + "/publish", "{\"at\":\"99999-01-01T00:00:00Z\"}", "at"),
                Arguments.of("POST", post + "/publish", "{\"at\":1e400}", null));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("numbersInBodies")
    void numbersOutOfRangeInBodiesAreValidationErrors(String method, String endpoint, String body, String field,
                                                       CapturedOutput log) {
        String path = endpoint.replace("{shop}", owner.shopId()).replace("{post}", post());
        String shopBefore = api.get(owner.shop(""), owner.token()).body();
        JsonNode postBefore = postWithoutLinks();

        HttpApi.Response response = api.send(method, path, owner.token(), body, Map.of());
        if (field == null) { // refused by the post's own rule (a time in the past), which names no field
            assertError(response, 400, "VALIDATION_FAILED");
        } else {
            assertInvalid(response, field);
        }
        assertThat(log.getAll()).doesNotContain("Unhandled failure");
        assertThat(api.get(owner.shop(""), owner.token()).body()).as("the shop is unchanged").isEqualTo(shopBefore);
        assertThat(postWithoutLinks()).as("the post is unchanged").isEqualTo(postBefore);
    }

    /** The post as the API shows it, without its photo links (signed anew, with a new expiry, on every read). */
    private JsonNode postWithoutLinks() {
        ObjectNode post = (ObjectNode) api.get(owner.shop("/posts/" + post()), owner.token()).json();
        post.remove("media");
        return post;
    }

    private static String postId;

    /** A post of the shop, once its caption is drafted (so that nothing changes it but a request). */
    private String post() {
        if (postId == null) {
            HttpApi.Response upload = api.upload(owner.shop("/media"), owner.token(), "file", "a.png", "image/png",
                    TestImages.png(1080, 1350));
            assertThat(upload.status()).as(upload.body()).isEqualTo(201);
            HttpApi.Response created = api.post(owner.shop("/posts"), owner.token(), Map.of(
                    "mediaIds", List.of(upload.json().path("id").asText()), "brief", "겨울 네일"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().path("id").asText();
            eventually(() -> api.get(owner.shop("/posts/" + id), owner.token()).json(),
                    p -> p.path("status").asText().equals("READY"), "the caption to be drafted");
            postId = id;
        }
        return postId;
    }
}
