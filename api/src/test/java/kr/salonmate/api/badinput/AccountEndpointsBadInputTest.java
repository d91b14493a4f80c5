package kr.salonmate.api.badinput;

import static kr.salonmate.api.support.Errors.assertError;
import static kr.salonmate.api.support.Errors.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.Json;
import kr.salonmate.api.support.Mails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bad-input catalogue on verify-email, resend, forgot, reset and logout-all: every bad request gets the
 * documented status and envelope, and changes nothing: a valid token sent along a refused request still works
 * afterwards, the password and the logins stay as they were.
 */
class AccountEndpointsBadInputTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String LONG = "x".repeat(10_000);
    private static final List<String> TOKEN_ENDPOINTS = List.of("/v1/auth/verify-email", "/v1/auth/password/reset");
    private static final List<String> BODY_ENDPOINTS = List.of("/v1/auth/verify-email", "/v1/auth/password/reset",
            "/v1/auth/password/forgot");

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> body(String path, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (path.endsWith("/forgot")) {
            body.put("email", "someone@salon.test");
        } else {
            body.put("token", token);
        }
        if (path.endsWith("/reset")) {
            body.put("password", "a new password 123");
        }
        return body;
    }

    @Test
    void malformedJsonWrongContentTypesAndOversizedBodiesAreRefused() {
        for (String path : BODY_ENDPOINTS) {
            for (String json : new String[]{"{\"token\": ", "{token: 'x'}", "not json", "[", "\"\"", ""}) {
                assertError(api.send("POST", path, null, json, Map.of("Content-Type", "application/json")), 400,
                        "MALFORMED_REQUEST");
            }
            assertError(api.send("POST", path, null, null, Map.of("Content-Type", "application/json")), 400,
                    "MALFORMED_REQUEST");
            for (String type : new String[]{"text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
                assertError(api.send("POST", path, null, Json.write(body(path, "abc")), Map.of("Content-Type", type)),
                        415, "UNSUPPORTED_MEDIA_TYPE");
            }
            Map<String, Object> huge = body(path, "abc");
            huge.put("padding", "가".repeat(600_000));
            assertError(api.post(path, null, huge), 413, "PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void missingEmptyWrongTypedLongAndUnknownFieldsAreNamed() {
        assertInvalid(api.post("/v1/auth/verify-email", null, Map.of()), "token");
        assertInvalid(api.post("/v1/auth/password/reset", null, Map.of()), "token", "password");
        assertInvalid(api.post("/v1/auth/password/forgot", null, Map.of()), "email");
        for (String path : TOKEN_ENDPOINTS) {
            for (Object bad : new Object[]{"", "   ", 12345, true, List.of("t"), LONG}) {
                Map<String, Object> body = body(path, "abc");
                body.put("token", bad);
                assertInvalid(api.post(path, null, body), "token");
            }
            Map<String, Object> unknown = body(path, "abc");
            unknown.put("userId", "someone-else");
            assertInvalid(api.post(path, null, unknown), "userId");
        }
        for (Object bad : new Object[]{"", "not-an-email", 42, LONG + "@salon.test", "nul\u0000@salon.test"}) {
            assertInvalid(api.post("/v1/auth/password/forgot", null, Map.of("email", bad)), "email");
        }
        assertInvalid(api.post("/v1/auth/password/forgot", null, Map.of("email", "a@salon.test", "admin", true)),
                "admin");
        for (Object bad : new Object[]{"short", "", 1234567890123L, LONG, "가".repeat(30)}) {
            assertInvalid(api.post("/v1/auth/password/reset", null, Map.of("token", "abc", "password", bad)),
                    "password");
        }
    }

    @Test
    void aRefusedResetChangesNothingAndItsTokenStillWorks() {
        Owner owner = signUp("살롱 잘못된 입력");
        assertThat(api.post("/v1/auth/password/forgot", null, Map.of("email", owner.email())).status())
                .isEqualTo(202);
        String token = Mails.awaitEmlToken(Mails.TEST_OUTBOX, owner.email(), "reset-password");
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE email = ?", String.class,
                owner.email());

        assertInvalid(api.post("/v1/auth/password/reset", null, Map.of("token", token, "password", "short")),
                "password");
        assertInvalid(api.post("/v1/auth/password/reset", null, Map.of("token", token, "password", "가".repeat(30))),
                "password");
        assertInvalid(api.post("/v1/auth/password/reset", null, Map.of("token", token, "password",
                "a new password 123", "userId", owner.userId())), "userId");
        assertError(api.send("POST", "/v1/auth/password/reset", null,
                "{\"token\":\"" + token + "\",\"password\":", Map.of()), 400, "MALFORMED_REQUEST");

        assertThat(jdbc.queryForObject("SELECT password_hash FROM app_user WHERE email = ?", String.class,
                owner.email())).isEqualTo(hash);
        assertThat(api.post("/v1/auth/refresh", null, Map.of("refreshToken", owner.refreshToken())).status())
                .as("the login goes on").isEqualTo(200);
        HttpApi.Response reset = api.post("/v1/auth/password/reset", null,
                Map.of("token", token, "password", "a new password 123"));
        assertThat(reset.status()).as("the token was not spent: " + reset.body()).isEqualTo(200);
        // and now it is spent
        assertError(api.post("/v1/auth/password/reset", null, Map.of("token", token, "password", "another one 1234")),
                410, "GONE");
    }

    @Test
    void aRefusedVerificationChangesNothingAndItsTokenStillWorks() {
        Owner owner = signUp("살롱 인증 입력");
        String token = Mails.awaitEmlToken(Mails.TEST_OUTBOX, owner.email(), "verify-email");
        assertInvalid(api.post("/v1/auth/verify-email", null, Map.of("token", token, "emailVerified", true)),
                "emailVerified");
        assertError(api.send("POST", "/v1/auth/verify-email", null, Json.write(Map.of("token", token)),
                Map.of("Content-Type", "text/plain")), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(jdbc.queryForObject("SELECT email_verified_at IS NULL FROM app_user WHERE email = ?", Boolean.class,
                owner.email())).isTrue();
        assertThat(api.post("/v1/auth/verify-email", null, Map.of("token", token)).status()).isEqualTo(200);
        // replayed: gone, with the envelope
        assertError(api.post("/v1/auth/verify-email", null, Map.of("token", token)), 410, "GONE");
    }

    /** An access token for the owner made with the application's own key, expired half an hour ago. */
    private static String expiredAccessToken(Owner owner) throws Exception {
        com.nimbusds.jose.jwk.RSAKey key = com.nimbusds.jose.jwk.RSAKey.parse(java.nio.file.Files.readString(
                kr.salonmate.api.support.TestDataDir.PATH.resolve("jwt-signing-key.json")));
        java.time.Instant now = java.time.Instant.now();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID(key.getKeyID())
                        .build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("salonmate").subject(owner.userId())
                        .issueTime(java.util.Date.from(now.minusSeconds(3600)))
                        .expirationTime(java.util.Date.from(now.minusSeconds(1800)))
                        .claim("email", owner.email()).claim("name", "김사장").claim("admin", false).build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void signedInEndpointsRefuseMissingForgedAndExpiredAccessTokens() throws Exception {
        Owner owner = signUp("살롱 토큰 입력");
        String expired = expiredAccessToken(owner);
        String[] parts = owner.token().split("\\.");
        for (String path : new String[]{"/v1/auth/logout-all", "/v1/auth/verify-email/resend"}) {
            assertError(api.post(path, null, null), 401, "UNAUTHENTICATED");
            for (String bad : new String[]{expired, "garbage", "a.b.c", parts[0] + "." + parts[1] + ".", "x".repeat(5_000),
                    owner.refreshToken(), parts[0] + "." + parts[1] + "." + parts[2].substring(3) + "abc"}) {
                assertError(api.post(path, bad, null), 401, "UNAUTHENTICATED");
            }
            assertError(api.send("POST", path, null, null, Map.of("Authorization", "Basic YTpi")), 401,
                    "UNAUTHENTICATED");
        }
        // nothing ended and nothing mailed by the refused calls
        assertThat(api.post("/v1/auth/refresh", null, Map.of("refreshToken", owner.refreshToken())).status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE recipient = ?", Integer.class,
                owner.email())).isEqualTo(1);
    }
}
