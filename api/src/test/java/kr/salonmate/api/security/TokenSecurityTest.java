package kr.salonmate.api.security;

import static kr.salonmate.api.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.Errors;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.TestDataDir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Access tokens that are missing, garbage, expired, signed with another key, unsigned ({@code alg: none}) or
 * HS256-signed with our public key are all 401 UNAUTHENTICATED with a WWW-Authenticate challenge; refresh tokens
 * rotate, a replayed one revokes its whole login, and logout revokes.
 */
class TokenSecurityTest extends IntegrationTest {

    private static Owner owner;
    private static RSAKey appKey;

    @BeforeEach
    void shareOneOwner() throws Exception {
        if (owner == null) {
            owner = signUp("살롱 토큰");
            // the application's own signing key, as it keeps it under salonmate.data-dir (TestDataDir)
            appKey = RSAKey.parse(Files.readString(TestDataDir.PATH.resolve("jwt-signing-key.json")));
        }
    }

    private JWTClaimsSet.Builder claims(Instant issuedAt, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer("salonmate")
                .subject(owner.userId())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("email", owner.email())
                .claim("name", "김사장")
                .claim("admin", false);
    }

    private static String rs256(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void assertUnauthenticated(String token) {
        for (HttpApi.Response response : List.of(
                api.get("/v1/me", token),
                api.get(owner.shop(""), token),
                api.get(owner.shop("/reviews"), token),
                api.post(owner.shop("/reviews/sync"), token, null),
                api.put(owner.shop("/reply-settings"), token, Map.of("tone", "FORMAL", "language", "ko",
                        "autoDraft", true)))) {
            assertError(response, 401, "UNAUTHENTICATED");
            assertThat(response.header("WWW-Authenticate")).as("challenge").startsWith("Bearer");
            assertThat(response.body()).doesNotContain("살롱 토큰", owner.email());
        }
    }

    @Test
    void theForgingMethodItselfWorksWithTheAppsOwnKey() throws Exception {
        // control: a token made here the way the app makes them is accepted, so the 401s below are about the flaw
        String token = rs256(appKey, claims(Instant.now().minusSeconds(5), Instant.now().plusSeconds(300)).build());
        HttpApi.Response me = api.get("/v1/me", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("user").path("id").asText()).isEqualTo(owner.userId());
    }

    @Test
    void noTokenAndGarbageAreUnauthenticated() {
        assertUnauthenticated(null);
        for (String garbage : new String[]{"garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.", "null",
                "' OR 1=1 --", "x".repeat(5_000)}) {
            assertUnauthenticated(garbage);
        }
        HttpApi.Response basic = api.send("GET", "/v1/me", null, null,
                Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes())));
        assertError(basic, 401, "UNAUTHENTICATED");
        HttpApi.Response emptyBearer = api.send("GET", "/v1/me", null, null, Map.of("Authorization", "Bearer "));
        assertError(emptyBearer, 401, "UNAUTHENTICATED");
    }

    @Test
    void anExpiredTokenSignedWithTheAppsOwnKeyIsUnauthenticated() throws Exception {
        Instant now = Instant.now();
        assertUnauthenticated(rs256(appKey, claims(now.minusSeconds(3600), now.minusSeconds(1800)).build()));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthenticated() throws Exception {
        // even with our key id in the header
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(appKey.getKeyID()).generate();
        Instant now = Instant.now();
        assertUnauthenticated(rs256(stranger, claims(now, now.plusSeconds(600)).build()));
    }

    @Test
    void anUnsignedAlgNoneTokenIsUnauthenticated() {
        Instant now = Instant.now();
        String plain = new PlainJWT(claims(now, now.plusSeconds(600)).build()).serialize();
        assertThat(plain).endsWith(".");
        assertUnauthenticated(plain);
        // and with a real token's signature kept on an alg: none header
        String[] real = owner.token().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertUnauthenticated(none + "." + real[1] + "." + real[2]);
        assertUnauthenticated(none + "." + real[1] + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyIsUnauthenticated() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = claims(now, now.plusSeconds(600)).build();
        byte[] der = appKey.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        String jwkJson = appKey.toPublicJWK().toJSONString();
        for (byte[] secret : new byte[][]{der, pem.getBytes(StandardCharsets.US_ASCII),
                jwkJson.getBytes(StandardCharsets.UTF_8)}) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(appKey.getKeyID()).build(),
                    claims);
            jwt.sign(new MACSigner(secret));
            assertUnauthenticated(jwt.serialize());
        }
    }

    @Test
    void aRealTokenWithATamperedPayloadIsUnauthenticated() {
        String[] parts = owner.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"admin\":false");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"admin\":false", "\"admin\":true").getBytes(StandardCharsets.UTF_8));
        assertUnauthenticated(parts[0] + "." + forged + "." + parts[2]);
    }

    // --- refresh tokens -----------------------------------------------------------------------------------

    private JsonNode login() {
        HttpApi.Response login = api.post("/v1/auth/login", null,
                Map.of("email", owner.email(), "password", "correct horse battery"));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json();
    }

    private HttpApi.Response refresh(String refreshToken) {
        return api.post("/v1/auth/refresh", null, Map.of("refreshToken", refreshToken));
    }

    @Test
    void refreshRotatesAndAReplayedTokenRevokesTheWholeLogin() {
        String first = login().path("refreshToken").asText();
        String otherLogin = owner.refreshToken(); // the sign-up's own login

        HttpApi.Response rotated = refresh(first);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String second = rotated.json().path("refreshToken").asText();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(rotated.json().path("user").path("id").asText()).isEqualTo(owner.userId());
        assertThat(rotated.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(api.get("/v1/me", rotated.json().path("accessToken").asText()).status()).isEqualTo(200);

        HttpApi.Response rotatedAgain = refresh(second);
        assertThat(rotatedAgain.status()).as(rotatedAgain.body()).isEqualTo(200);
        String third = rotatedAgain.json().path("refreshToken").asText();

        // the used token stops working ...
        HttpApi.Response replay = refresh(first);
        assertError(replay, 401, "UNAUTHENTICATED");
        assertThat(replay.body()).doesNotContain("accessToken");
        // ... and presenting it revoked the whole login: the newest token of that family fails too
        assertError(refresh(third), 401, "UNAUTHENTICATED");
        assertError(refresh(second), 401, "UNAUTHENTICATED");

        // another login of the same user is a different family and keeps working
        HttpApi.Response other = refresh(otherLogin);
        assertThat(other.status()).as(other.body()).isEqualTo(200);
    }

    @Test
    void logoutRevokesTheLogin() {
        String first = login().path("refreshToken").asText();
        HttpApi.Response rotated = refresh(first);
        assertThat(rotated.status()).isEqualTo(200);
        String current = rotated.json().path("refreshToken").asText();

        HttpApi.Response logout = api.post("/v1/auth/logout", null, Map.of("refreshToken", current));
        assertThat(logout.status()).as(logout.body()).isEqualTo(204);
        assertThat(logout.body()).isEmpty();
        assertError(refresh(current), 401, "UNAUTHENTICATED");

        // logging out twice, or with a token nobody knows, answers the same and reveals nothing
        assertThat(api.post("/v1/auth/logout", null, Map.of("refreshToken", current)).status()).isEqualTo(204);
        assertThat(api.post("/v1/auth/logout", null, Map.of("refreshToken", "unknown-token")).status()).isEqualTo(204);
    }

    @Test
    void aStaleAccessTokenSentAlongDoesNotBlockTheAuthEndpoints() throws Exception {
        // clients attach their (now expired) access token to every call, including the one that renews it
        Instant now = Instant.now();
        String expired = rs256(appKey, claims(now.minusSeconds(3600), now.minusSeconds(1800)).build());
        String session = login().path("refreshToken").asText();
        HttpApi.Response refreshed = api.post("/v1/auth/refresh", expired, Map.of("refreshToken", session));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        HttpApi.Response login = api.post("/v1/auth/login", "garbage",
                Map.of("email", owner.email(), "password", "correct horse battery"));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        HttpApi.Response logout = api.post("/v1/auth/logout", expired,
                Map.of("refreshToken", refreshed.json().path("refreshToken").asText()));
        assertThat(logout.status()).as(logout.body()).isEqualTo(204);
        assertThat(api.get("/v1/auth/jwks", expired).status()).isEqualTo(200);
        // everywhere else the stale token is still refused
        assertUnauthenticated(expired);
    }

    @Test
    void anAccessTokenIsNotARefreshTokenAndViceVersa() {
        JsonNode session = login();
        // an access token is longer than any refresh token: refused as such, and never accepted as one
        Errors.assertInvalid(refresh(session.path("accessToken").asText()), "refreshToken");
        assertUnauthenticated(session.path("refreshToken").asText());
        // and the refresh token was not spent by being shown as a bearer token
        assertThat(refresh(session.path("refreshToken").asText()).status()).isEqualTo(200);
    }
}
