package kr.salonmate.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import kr.salonmate.api.support.FakeSignInProviders;
import kr.salonmate.api.support.FakeSignInProviders.Person;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Signing in with Google and Kakao against fakes that speak their wire formats: the authorization request (state,
 * PKCE S256, nonce), the ID token checked against the JWKS (signature, iss, aud, exp, nonce), the one-time code that
 * the page trades for tokens, and API.md's linking rules.
 */
class OAuthSignInTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    /** The browser's side of one sign-in: where the application sent it, and the state cookie it was given. */
    private record Started(String authorizationUri, Map<String, String> request, String cookie) {
    }

    private Started start(String provider) {
        HttpApi.Response response = api.get("/v1/auth/oauth/" + provider + "/authorize", null);
        assertThat(response.status()).as(response.body()).isEqualTo(302);
        String location = response.header("Location");
        String setCookie = response.header("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
        return new Started(location, FakeSignInProviders.query(URI.create(location).getRawQuery()),
                setCookie.substring(0, setCookie.indexOf(';')));
    }

    /** The provider sends the browser back; returns where the application sends it next (the page's fragment). */
    private String callback(String provider, String query, String cookie) {
        HttpApi.Response response = api.send("GET", "/v1/auth/oauth/" + provider + "/callback?" + query, null, null,
                cookie == null ? Map.of() : Map.of("Cookie", cookie));
        assertThat(response.status()).as(response.body()).isEqualTo(302);
        String location = response.header("Location");
        assertThat(location).startsWith(api.baseUrl() + "/#/oauth?");
        return location.substring(location.indexOf("/#/oauth?") + "/#/oauth?".length());
    }

    private String signIn(String provider, Person person, UnaryOperator<JWTClaimsSet.Builder> idToken, RSAKey signer) {
        Started started = start(provider);
        String code = SIGN_IN.consent(started.authorizationUri(), person, idToken, signer);
        return callback(provider, "code=" + code + "&state=" + started.request().get("state"), started.cookie());
    }

    private String signIn(String provider, Person person) {
        return signIn(provider, person, claims -> claims, null);
    }

    private HttpApi.Response exchange(String fragment) {
        assertThat(fragment).startsWith("code=");
        return api.post("/v1/auth/oauth/exchange", null, Map.of("code", fragment.substring(5)));
    }

    @Test
    void aNewGoogleUserGetsAnAccountWithoutAShopAndNoTokenTravelsInAUrl() {
        Started started = start("google");
        assertThat(started.authorizationUri()).startsWith(SIGN_IN.url("/google/o/oauth2/v2/auth?"));
        Map<String, String> request = started.request();
        assertThat(request).containsEntry("response_type", "code")
                .containsEntry("client_id", FakeSignInProviders.GOOGLE_CLIENT_ID)
                .containsEntry("redirect_uri", api.baseUrl() + "/v1/auth/oauth/google/callback")
                .containsEntry("code_challenge_method", "S256");
        assertThat(request.get("scope").split(" ")).contains("openid", "email");
        assertThat(request.get("state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(request.get("nonce")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(request.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");

        Person person = Person.fresh(true);
        String code = SIGN_IN.consent(started.authorizationUri(), person);
        String fragment = callback("google", "code=" + code + "&state=" + request.get("state"), started.cookie());
        assertThat(fragment).matches("code=[A-Za-z0-9_-]{43}");
        // the token endpoint got the PKCE verifier (the fake checked it against the challenge) and our credentials
        assertThat(SIGN_IN.requests()).anyMatch(r -> r.startsWith("google ") && r.contains("code_verifier=")
                && r.contains("code=" + code));

        HttpApi.Response session = exchange(fragment);
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        JsonNode body = session.json();
        assertThat(body.path("newUser").asBoolean()).isTrue();
        assertThat(body.path("user").path("email").asText()).isEqualTo(person.email());
        assertThat(body.path("user").path("emailVerified").asBoolean()).isTrue();
        assertThat(body.path("expiresIn").asLong()).isPositive();
        JsonNode me = api.get("/v1/me", body.path("accessToken").asText()).json();
        assertThat(me.path("user").path("id").asText()).isEqualTo(body.path("user").path("id").asText());
        assertThat(me.path("memberships").size()).isZero();
        HttpApi.Response refreshed = api.post("/v1/auth/refresh", null,
                Map.of("refreshToken", body.path("refreshToken").asText()));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);

        // the same Google account again: the same user, not new
        HttpApi.Response again = exchange(signIn("google", person));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("newUser").asBoolean()).isFalse();
        assertThat(again.json().path("user").path("id").asText()).isEqualTo(body.path("user").path("id").asText());
        // such an account has no password to guess
        HttpApi.Response password = api.post("/v1/auth/login", null, Map.of("email", person.email(), "password", ""));
        assertThat(password.status()).isIn(400, 401);
    }

    @Test
    void theOneTimeCodeWorksOnceAndOnlyForSixtySeconds() {
        String fragment = signIn("google", Person.fresh(true));
        assertThat(exchange(fragment).status()).isEqualTo(200);
        HttpApi.Response replayed = exchange(fragment);
        assertThat(replayed.status()).isEqualTo(410);
        assertThat(replayed.errorCode()).isEqualTo("GONE");

        String late = signIn("google", Person.fresh(true));
        jdbc.update("UPDATE oauth_exchange_code SET expires_at = now() - interval '1 second' WHERE used_at IS NULL "
                + "AND code_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", late.substring(5));
        assertThat(exchange(late).status()).isEqualTo(410);
        assertThat(exchange("code=" + "x".repeat(43)).status()).isEqualTo(410);
    }

    @Test
    void aReplayedForeignOrMissingStateAndProviderErrorsEndOnThePageWithAnErrorCode() {
        Person person = Person.fresh(true);
        Started started = start("google");
        String state = started.request().get("state");
        // without the browser's cookie (someone else's callback link): refused, and the state is spent
        String code = SIGN_IN.consent(started.authorizationUri(), person);
        assertThat(callback("google", "code=" + code + "&state=" + state, null)).isEqualTo("error=INVALID_STATE");
        assertThat(callback("google", "code=" + code + "&state=" + state, started.cookie())).isEqualTo("error=INVALID_STATE");

        Started second = start("google");
        String secondCode = SIGN_IN.consent(second.authorizationUri(), person);
        String query = "code=" + secondCode + "&state=" + second.request().get("state");
        assertThat(callback("google", query, second.cookie())).startsWith("code=");
        assertThat(callback("google", query, second.cookie())).as("a replayed state").isEqualTo("error=INVALID_STATE");
        // Google's state at Kakao's callback
        Started third = start("google");
        assertThat(callback("kakao", "code=x&state=" + third.request().get("state"),
                third.cookie())).isEqualTo("error=INVALID_STATE");
        assertThat(callback("google", "code=x", null)).isEqualTo("error=INVALID_STATE");
        assertThat(callback("google", "state=" + "s".repeat(5000), null)).isEqualTo("error=INVALID_STATE");
        Started denied = start("google");
        assertThat(callback("google", "error=access_denied&state=" + denied.request().get("state"), denied.cookie()))
                .isEqualTo("error=PROVIDER_ERROR");
        // a code the provider never issued
        Started forged = start("google");
        assertThat(callback("google", "code=forged&state=" + forged.request().get("state"), forged.cookie()))
                .isEqualTo("error=PROVIDER_ERROR");
    }

    @Test
    void anIdTokenThatDoesNotCheckOutSignsNobodyIn() {
        Person person = Person.fresh(true);
        Instant past = Instant.now().minusSeconds(7200);
        Map<String, UnaryOperator<JWTClaimsSet.Builder>> tampered = Map.of(
                "another audience", c -> c.audience("someone-else.apps.googleusercontent.com").claim("azp", "someone-else"),
                "another issuer", c -> c.issuer("https://evil.test"),
                "expired", c -> c.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(3600))),
                "another sign-in's nonce", c -> c.claim("nonce", "not-the-nonce"));
        tampered.forEach((what, change) -> assertThat(signIn("google", person, change, null)).as(what)
                .isEqualTo("error=PROVIDER_ERROR"));
        assertThat(signIn("google", person, c -> c, FakeSignInProviders.foreignKey())).as("signed with a foreign key")
                .isEqualTo("error=PROVIDER_ERROR");
        Integer accounts = jdbc.queryForObject("SELECT count(*) FROM app_user WHERE email = ?", Integer.class, person.email());
        assertThat(accounts).isZero();
    }

    @Test
    void aProviderIdentityJoinsAnExistingAccountOnlyWhenBothSidesVerifiedTheAddress() {
        Owner verified = signUp("연결 살롱");
        verifyEmail(verified.email());
        HttpApi.Response linked = exchange(signIn("google",
                new Person(UUID.randomUUID().toString(), verified.email().toUpperCase(), true, "김사장")));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().path("newUser").asBoolean()).isFalse();
        assertThat(linked.json().path("user").path("id").asText()).isEqualTo(verified.userId());
        JsonNode memberships = api.get("/v1/me", linked.json().path("accessToken").asText()).json().path("memberships");
        assertThat(memberships.get(0).path("shopId").asText()).isEqualTo(verified.shopId());

        // the provider vouches, but the account never proved the address: someone may have registered it to wait
        Owner unverified = signUp("미인증 살롱");
        assertThat(signIn("google", new Person(UUID.randomUUID().toString(), unverified.email(), true, "x")))
                .isEqualTo("error=EMAIL_TAKEN");
        // the account proved it, but the provider does not vouch for it
        Person kakao = Person.kakao(false);
        Person sameAddress = new Person(kakao.subject(), verified.email(), false, "김사장");
        assertThat(signIn("kakao", sameAddress)).isEqualTo("error=EMAIL_TAKEN");
        Integer identities = jdbc.queryForObject("SELECT count(*) FROM user_identity WHERE user_id IN (?::uuid, ?::uuid)",
                Integer.class, verified.userId(), unverified.userId());
        assertThat(identities).as("only the Google identity with both sides verified was linked").isEqualTo(1);
    }

    @Test
    void aNewKakaoUserSignsInThroughTheUserApi() {
        Started started = start("kakao");
        assertThat(started.authorizationUri()).startsWith(SIGN_IN.url("/kakao/oauth/authorize?"));
        assertThat(started.request()).containsEntry("client_id", FakeSignInProviders.KAKAO_CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").doesNotContainKey("nonce");
        Person person = Person.kakao(true);
        String code = SIGN_IN.consent(started.authorizationUri(), person);
        HttpApi.Response session = exchange(callback("kakao", "code=" + code + "&state=" + started.request().get("state"),
                started.cookie()));
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        assertThat(session.json().path("newUser").asBoolean()).isTrue();
        assertThat(session.json().path("user").path("name").asText()).isEqualTo("카카오 손님");
        assertThat(session.json().path("user").path("emailVerified").asBoolean()).isTrue();
        assertThat(SIGN_IN.requests()).anyMatch(r -> r.startsWith("kakao me Bearer access-"));

        // a Kakao account that shares no address cannot make an account here
        Person noEmail = new Person(Person.kakao(true).subject(), null, false, "이메일 없음");
        assertThat(signIn("kakao", noEmail)).isEqualTo("error=EMAIL_REQUIRED");
    }

    @Test
    void badInputIsRefusedWithTheErrorEnvelope() {
        for (Object body : List.of("{not json", "{\"code\":123}", "{}", "{\"code\":\"\"}",
                Map.of("code", "x".repeat(10_000)), Map.of("code", "abc", "extra", true))) {
            HttpApi.Response response = api.post("/v1/auth/oauth/exchange", null, body);
            assertThat(response.status()).as("%s → %s", body, response.body()).isEqualTo(400);
            assertThat(response.errorCode()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
        }
        HttpApi.Response wrongType = api.send("POST", "/v1/auth/oauth/exchange", null, "code=abc",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(wrongType.status()).isEqualTo(415);
        for (String path : List.of("/v1/auth/oauth/naver/authorize", "/v1/auth/oauth/%3Cscript%3E/callback?code=x")) {
            HttpApi.Response unknown = api.get(path, null);
            assertThat(unknown.status()).as(path).isEqualTo(404);
            assertThat(unknown.body()).doesNotContain("<script>");
        }
        JsonNode providers = api.get("/v1/auth/oauth/providers", null).json();
        assertThat(providers.path("providers").toString()).isEqualTo("[\"google\",\"kakao\"]");
    }
}
