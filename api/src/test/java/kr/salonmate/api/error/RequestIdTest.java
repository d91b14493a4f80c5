package kr.salonmate.api.error;

import static kr.salonmate.api.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.Errors;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every response carries {@code X-Request-Id}: the client's when it is 1–64 of [A-Za-z0-9._-], else a generated
 * one; every error body's requestId is that same value, whichever layer answered (security, filters, MVC).
 */
class RequestIdTest extends IntegrationTest {

    private static Owner owner;

    @BeforeEach
    void shareOneOwner() {
        if (owner == null) {
            owner = signUp("살롱 요청번호");
        }
    }

    private HttpApi.Response get(String path, String token, String requestId) {
        return api.send("GET", path, token, null, Map.of("X-Request-Id", requestId));
    }

    @Test
    void aSaneClientValueIsEchoed() {
        for (String id : new String[]{"client-req.123_ABC", "a", "x".repeat(64), UUID.randomUUID().toString()}) {
            HttpApi.Response ok = get("/v1/me", owner.token(), id);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("X-Request-Id")).isEqualTo(id);

            HttpApi.Response notFound = get(owner.shop("/reviews/" + UUID.randomUUID()), owner.token(), id);
            assertThat(assertError(notFound, 404, "REVIEW_NOT_FOUND").path("requestId").asText()).isEqualTo(id);
            HttpApi.Response unauthenticated = get("/v1/me", null, id);
            assertThat(assertError(unauthenticated, 401, "UNAUTHENTICATED").path("requestId").asText()).isEqualTo(id);
        }
    }

    @Test
    void anInsaneClientValueIsReplaced() {
        for (String id : new String[]{"has spaces", "x".repeat(65), "semi;colon", "a/b", "<script>", "'--",
                "tab\there"}) {
            HttpApi.Response ok = get("/v1/me", owner.token(), id);
            assertThat(ok.status()).isEqualTo(200);
            HttpApi.Response unauthenticated = get("/v1/me", null, id);
            assertError(unauthenticated, 401, "UNAUTHENTICATED");
            HttpApi.Response invalid = get(owner.shop("/reviews?size=0"), owner.token(), id);
            Errors.assertInvalid(invalid, "size");
            for (HttpApi.Response response : List.of(ok, unauthenticated, invalid)) {
                assertThat(response.header("X-Request-Id")).as("replacement for '%s'", id).isNotEqualTo(id)
                        .matches("req_[0-9a-f]{32}");
                assertThat(response.body()).doesNotContain(id);
            }
        }
        HttpApi.Response none = api.get("/v1/me", owner.token());
        assertThat(none.header("X-Request-Id")).matches("[A-Za-z0-9._-]{1,64}");
        assertThat(api.get("/v1/me", owner.token()).header("X-Request-Id")).isNotEqualTo(none.header("X-Request-Id"));
    }

    @Test
    void everyErrorBodyCarriesTheRequestIdOfItsResponse() {
        String id = "trace-" + UUID.randomUUID();
        Map<String, String> headers = Map.of("X-Request-Id", id);
        List<Object[]> cases = List.of(
                new Object[]{api.send("POST", "/v1/auth/signup", null, "{", headers), 400, "MALFORMED_REQUEST"},
                new Object[]{api.send("POST", "/v1/auth/signup", null, Map.of(), headers), 400, "VALIDATION_FAILED"},
                new Object[]{api.send("POST", "/v1/auth/login", null, Map.of("email", "nobody@salon.test",
                        "password", "whatever123"), headers), 401, "UNAUTHENTICATED"},
                new Object[]{api.send("GET", "/v1/me", "forged.token.here", null, headers), 401, "UNAUTHENTICATED"},
                new Object[]{api.send("GET", "/v1/shops/" + UUID.randomUUID(), owner.token(), null, headers), 403,
                        "FORBIDDEN"},
                new Object[]{api.send("GET", "/v1/no-such-thing", owner.token(), null, headers), 404, "NOT_FOUND"},
                new Object[]{api.send("PATCH", "/v1/me", owner.token(), null, headers), 405, "METHOD_NOT_ALLOWED"},
                new Object[]{api.send("POST", "/v1/auth/signup", null, Map.of("email", owner.email(),
                        "password", "correct horse battery", "name", "n", "shopName", "s"), headers), 409,
                        "EMAIL_TAKEN"},
                new Object[]{api.send("POST", "/v1/auth/signup", null, "{\"name\":\"" + "x".repeat(1_100_000) + "\"}",
                        headers), 413, "PAYLOAD_TOO_LARGE"},
                new Object[]{api.send("POST", "/v1/auth/signup", null, "{}",
                        Map.of("X-Request-Id", id, "Content-Type", "text/plain")), 415, "UNSUPPORTED_MEDIA_TYPE"},
                new Object[]{api.send("POST", owner.shop("/reviews/sync"), owner.token(), null,
                        Map.of("X-Request-Id", id, "Idempotency-Key", "k".repeat(65))), 400, "VALIDATION_FAILED"});
        for (Object[] c : cases) {
            HttpApi.Response response = (HttpApi.Response) c[0];
            assertThat(response.header("X-Request-Id")).isEqualTo(id);
            assertError(response, (Integer) c[1], (String) c[2]);
        }
    }
}
