package kr.salonmate.api.badinput;

import static kr.salonmate.api.support.Errors.assertError;
import static kr.salonmate.api.support.Errors.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The bad-input catalogue on sign-up, login, refresh and logout, against the running application: every bad
 * request gets the documented status and envelope, and a refused sign-up leaves no user (and no shop) behind.
 */
class AuthBadInputTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String LONG = "x".repeat(10_000);

    @Autowired
    JdbcTemplate jdbc;

    private static String newEmail() {
        return "bad-input-" + UUID.randomUUID() + "@salon.test";
    }

    /** A valid sign-up body for a fresh e-mail, as a mutable map for the test to spoil. */
    private static Map<String, Object> signup(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("name", "김사장");
        body.put("shopName", "살롱 테스트");
        body.put("timezone", "Asia/Seoul");
        body.put("locale", "ko");
        return body;
    }

    private int usersWith(String email) {
        return jdbc.queryForObject("SELECT count(*) FROM app_user WHERE lower(email) = lower(?)", Integer.class,
                email.trim());
    }

    private void assertNoUser(String email) {
        assertThat(usersWith(email)).as("users with %s", email).isZero();
    }

    /** Sends a sign-up that must be refused as VALIDATION_FAILED naming {@code fields}, and creates nobody. */
    private void refusedSignup(Map<String, Object> body, String... fields) {
        HttpApi.Response response = api.post("/v1/auth/signup", null, body);
        assertInvalid(response, fields);
        assertThat(response.body()).doesNotContain("accessToken", "refreshToken");
        Object email = body.get("email");
        if (email instanceof String text && !text.isBlank() && text.length() < 300) {
            assertNoUser(text);
        }
    }

    // --- sign-up ---------------------------------------------------------------------------------------------

    @Test
    void malformedJsonIsMalformedRequest() {
        for (String body : new String[]{"{\"email\": \"a@b.test\", ", "{email: 'a@b.test'}", "not json at all",
                "{\"email\":\"a@b.test\"}}", "[", "\"\"", ""}) {
            HttpApi.Response response = api.send("POST", "/v1/auth/signup", null, body,
                    Map.of("Content-Type", "application/json"));
            assertError(response, 400, "MALFORMED_REQUEST");
        }
        HttpApi.Response noBody = api.send("POST", "/v1/auth/signup", null, null,
                Map.of("Content-Type", "application/json"));
        assertError(noBody, 400, "MALFORMED_REQUEST");
    }

    @Test
    void wrongTypesNameTheField() {
        String email = newEmail();
        Map<String, Object> body = signup(email);
        body.put("email", 42);
        refusedSignup(body, "email");

        body = signup(email);
        body.put("password", 1234567890123L);
        refusedSignup(body, "password");

        body = signup(email);
        body.put("name", true);
        refusedSignup(body, "name");

        body = signup(email);
        body.put("shopName", Map.of("ko", "살롱"));
        refusedSignup(body, "shopName");

        body = signup(email);
        body.put("timezone", 9);
        refusedSignup(body, "timezone");

        body = signup(email);
        body.put("locale", java.util.List.of("ko"));
        refusedSignup(body, "locale");
    }

    @Test
    void missingEmptyAndUnknownFieldsAreNamed() {
        refusedSignup(new LinkedHashMap<>(), "email", "password", "name", "shopName");

        String email = newEmail();
        Map<String, Object> body = signup(email);
        body.remove("password");
        refusedSignup(body, "password");

        body = signup("");
        body.put("name", "");
        body.put("shopName", "");
        body.put("password", "");
        refusedSignup(body, "email", "name", "shopName", "password");

        body = signup(email);
        body.put("name", "   ");
        body.put("shopName", "\t");
        refusedSignup(body, "name", "shopName");

        body = signup(email);
        body.put("role", "ADMIN");
        refusedSignup(body, "role");

        body = signup(email);
        body.put("admin", true);
        refusedSignup(body, "admin");
    }

    @Test
    void tenThousandCharacterStringsAreRefused() {
        String email = newEmail();
        for (String field : new String[]{"password", "name", "shopName", "timezone", "locale"}) {
            Map<String, Object> body = signup(email);
            body.put(field, LONG);
            refusedSignup(body, field);
        }
        Map<String, Object> body = signup(LONG + "@salon.test");
        refusedSignup(body, "email");
    }

    @Test
    void passwordsShorterThanTenCharactersAreRefused() {
        String email = newEmail();
        Map<String, Object> body = signup(email);
        body.put("password", "123456789");
        refusedSignup(body, "password");

        body.put("password", "abcdefghij"); // exactly ten: the documented minimum
        HttpApi.Response accepted = api.post("/v1/auth/signup", null, body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(usersWith(email)).isEqualTo(1);
    }

    @Test
    void badEmailsTimezonesAndLocalesAreRefused() {
        for (String email : new String[]{"not-an-email", "@salon.test", "owner@", "a b@salon.test",
                "owner@@salon.test", "<script>@salon.test"}) {
            refusedSignup(signup(email), "email");
        }
        String email = newEmail();
        for (String timezone : new String[]{"Mars/Olympus_Mons", "Asia/Seol", "", "Seoul", "'; DROP TABLE app_user;--"}) {
            Map<String, Object> body = signup(email);
            body.put("timezone", timezone);
            refusedSignup(body, "timezone");
        }
        for (String locale : new String[]{"fr", "KO", "", "ko-KR", "ko "}) {
            Map<String, Object> body = signup(email);
            body.put("locale", locale);
            refusedSignup(body, "locale");
        }
    }

    @Test
    void textWithNulCharactersIsRefusedNotAServerError() {
        String email = newEmail();
        for (String field : new String[]{"name", "shopName"}) {
            Map<String, Object> body = signup(email);
            body.put(field, "살롱\u0000루미");
            refusedSignup(body, field);
        }
        // half of an emoji, as a JSON escape (a Java client would already have turned it into '?'): not text
        Map<String, Object> surrogate = signup(email);
        surrogate.put("name", "김SURROGATE사장");
        String json = Json.write(surrogate).replace("SURROGATE", "\\ud83d");
        assertInvalid(api.send("POST", "/v1/auth/signup", null, json, Map.of()), "name");
        assertNoUser(email);
        assertInvalid(api.post("/v1/auth/login", null, Map.of("email", "nul\u0000@salon.test", "password", PASSWORD)),
                "email");
    }

    @Test
    void koreanEmojiSqlAndScriptTextIsStoredAndEchoedVerbatim() {
        String email = newEmail();
        String name = "김사장 💇‍♀️ Robert'); DROP TABLE app_user;--";
        String shopName = "<script>alert('살롱')</script> ✂️ \"루미\" & 1=1 OR '1'='1";
        Map<String, Object> body = signup(email);
        body.put("name", name);
        body.put("shopName", shopName);
        body.remove("timezone"); // and the defaults apply when they are left out
        body.remove("locale");
        HttpApi.Response created = api.post("/v1/auth/signup", null, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("user").path("name").asText()).isEqualTo(name);
        assertThat(created.json().path("user").path("email").asText()).isEqualTo(email);
        assertThat(created.json().path("shop").path("name").asText()).isEqualTo(shopName);
        assertThat(created.json().path("expiresIn").asLong()).isEqualTo(900);
        String token = created.json().path("accessToken").asText();
        String shopId = created.json().path("shop").path("id").asText();

        JsonNode me = api.get("/v1/me", token).json();
        assertThat(me.path("user").path("name").asText()).isEqualTo(name);
        assertThat(me.path("memberships").get(0).path("shopName").asText()).isEqualTo(shopName);
        assertThat(me.path("memberships").get(0).path("role").asText()).isEqualTo("OWNER");
        HttpApi.Response shop = api.get("/v1/shops/" + shopId, token);
        assertThat(shop.status()).as(shop.body()).isEqualTo(200);
        assertThat(shop.json().path("name").asText()).isEqualTo(shopName);
        assertThat(shop.json().path("locale").asText()).isEqualTo("ko");
        assertThat(shop.json().path("timezone").asText()).isEqualTo("Asia/Seoul");

        // the SQL was data: the table is still there and the account works
        HttpApi.Response login = api.post("/v1/auth/login", null, Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().path("user").path("name").asText()).isEqualTo(name);
    }

    @Test
    void bodiesOverOneMebibyteArePayloadTooLarge() throws Exception {
        String email = newEmail();
        Map<String, Object> body = signup(email);
        body.put("name", "가".repeat(600_000)); // ~1.8 MB of UTF-8
        HttpApi.Response declared = api.post("/v1/auth/signup", null, body);
        assertError(declared, 413, "PAYLOAD_TOO_LARGE");
        assertNoUser(email);

        // the same body streamed without a Content-Length (chunked) must not slip past the limit
        HttpApi.Response chunked = chunked("/v1/auth/signup", Json.write(body));
        assertError(chunked, 413, "PAYLOAD_TOO_LARGE");
        assertNoUser(email);
    }

    @Test
    void wrongContentTypesAreUnsupportedMediaType() {
        String email = newEmail();
        String json = Json.write(signup(email));
        for (String type : new String[]{"text/plain", "application/xml", "application/x-www-form-urlencoded",
                "text/csv"}) {
            HttpApi.Response response = api.send("POST", "/v1/auth/signup", null, json, Map.of("Content-Type", type));
            assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
            assertNoUser(email);
        }
        HttpApi.Response login = api.send("POST", "/v1/auth/login", null,
                Json.write(Map.of("email", email, "password", PASSWORD)), Map.of("Content-Type", "text/plain"));
        assertError(login, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aTakenEmailIsEmailTakenWhateverItsCase() {
        String email = newEmail();
        HttpApi.Response first = api.post("/v1/auth/signup", null, signup(email));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String userId = first.json().path("user").path("id").asText();

        for (String again : new String[]{email, email.toUpperCase(), "Bad-Input-" + email.substring("bad-input-".length())}) {
            Map<String, Object> body = signup(again);
            body.put("password", "another password 123");
            body.put("shopName", "두 번째 가게");
            HttpApi.Response taken = api.post("/v1/auth/signup", null, body);
            assertError(taken, 409, "EMAIL_TAKEN");
            assertThat(taken.body()).doesNotContain("accessToken");
        }
        assertThat(usersWith(email)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shop_membership WHERE user_id = ?::uuid", Integer.class,
                userId)).as("no second shop for the existing user").isEqualTo(1);
        // the original password still works, the refused one does not
        assertThat(api.post("/v1/auth/login", null, Map.of("email", email.toUpperCase(), "password", PASSWORD))
                .status()).isEqualTo(200);
        assertError(api.post("/v1/auth/login", null, Map.of("email", email, "password", "another password 123")),
                401, "UNAUTHENTICATED");
    }

    // --- login ---------------------------------------------------------------------------------------------

    @Test
    void wrongPasswordAndUnknownEmailLookTheSame() {
        Owner owner = signUp("살롱 로그인");
        HttpApi.Response wrongPassword = api.post("/v1/auth/login", null,
                Map.of("email", owner.email(), "password", "not the password"));
        HttpApi.Response unknownEmail = api.post("/v1/auth/login", null,
                Map.of("email", newEmail(), "password", PASSWORD));
        JsonNode a = assertError(wrongPassword, 401, "UNAUTHENTICATED");
        JsonNode b = assertError(unknownEmail, 401, "UNAUTHENTICATED");
        assertThat(a.path("message").asText()).isEqualTo(b.path("message").asText());
        // the same details, but for the trace id each request has of its own
        assertThat(withoutTraceId(a.path("details"))).isEqualTo(withoutTraceId(b.path("details")));
        assertThat(wrongPassword.body()).doesNotContain("accessToken");

        HttpApi.Response ok = api.post("/v1/auth/login", null,
                Map.of("email", "  " + owner.email().toUpperCase() + " ", "password", "correct horse battery"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("user").path("id").asText()).isEqualTo(owner.userId());
        assertThat(ok.json().path("accessToken").asText()).isNotBlank();
        assertThat(ok.json().path("refreshToken").asText()).isNotBlank();
        assertThat(ok.json().path("expiresIn").asLong()).isEqualTo(900);
    }

    @Test
    void loginBadInputGetsTheDocumentedErrors() {
        assertError(api.send("POST", "/v1/auth/login", null, "{\"email\":", Map.of()), 400, "MALFORMED_REQUEST");
        assertInvalid(api.post("/v1/auth/login", null, Map.of()), "email", "password");
        assertInvalid(api.post("/v1/auth/login", null, Map.of("email", "", "password", "x")), "email");
        assertInvalid(api.post("/v1/auth/login", null, Map.of("email", 7, "password", PASSWORD)), "email");
        assertInvalid(api.post("/v1/auth/login", null, Map.of("email", "a@b.test", "password", 1234567890)), "password");
        assertInvalid(api.post("/v1/auth/login", null, Map.of("email", "a@b.test", "password", PASSWORD,
                "remember", true)), "remember");
        assertInvalid(api.post("/v1/auth/login", null, Map.of("email", LONG, "password", PASSWORD)), "email");
        assertInvalid(api.post("/v1/auth/login", null, Map.of("email", "a@b.test", "password", LONG)), "password");
        assertError(api.post("/v1/auth/login", null, Map.of("email", "' OR '1'='1", "password", "' OR '1'='1")),
                401, "UNAUTHENTICATED");
    }

    // --- refresh and logout --------------------------------------------------------------------------------

    @Test
    void refreshAndLogoutBadInputGetsTheDocumentedErrors() {
        for (String path : new String[]{"/v1/auth/refresh", "/v1/auth/logout"}) {
            assertError(api.send("POST", path, null, "{\"refreshToken\"", Map.of()), 400, "MALFORMED_REQUEST");
            assertInvalid(api.post(path, null, Map.of()), "refreshToken");
            assertInvalid(api.post(path, null, Map.of("refreshToken", "")), "refreshToken");
            assertInvalid(api.post(path, null, Map.of("refreshToken", 12345)), "refreshToken");
            assertInvalid(api.post(path, null, Map.of("refreshToken", LONG)), "refreshToken");
            assertInvalid(api.post(path, null, Map.of("refreshToken", "abc", "userId", "x")), "userId");
            assertError(api.send("POST", path, null, "{\"refreshToken\":\"abc\"}", Map.of("Content-Type", "text/plain")),
                    415, "UNSUPPORTED_MEDIA_TYPE");
        }
        assertError(api.post("/v1/auth/refresh", null, Map.of("refreshToken", "garbage-token")), 401,
                "UNAUTHENTICATED");
        assertError(api.post("/v1/auth/refresh", null, Map.of("refreshToken", "' OR 1=1 --")), 401,
                "UNAUTHENTICATED");
    }

    private HttpApi.Response chunked(String path, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new HttpApi.Response(response.statusCode(), response.body(), response.headers().map());
    }

    private static JsonNode withoutTraceId(JsonNode details) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) details.deepCopy();
        copy.remove("traceId");
        return copy;
    }
}
