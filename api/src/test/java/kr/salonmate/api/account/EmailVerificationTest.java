package kr.salonmate.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.security.SecretTokens;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.Mails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Verified e-mail: the sign-up mails a single-use 24-hour link; following it verifies the address; the link is
 * kept only hashed; a signed-in account can ask for another; and a listed operator address is ADMIN only once
 * verified.
 */
class EmailVerificationTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private HttpApi.Response verify(String token) {
        return api.post("/v1/auth/verify-email", null, Map.of("token", token));
    }

    private static void assertGone(HttpApi.Response response, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(410);
        assertThat(response.json().path("error").path("code").asText()).isEqualTo("GONE");
        assertThat(response.json().path("error").path("details").path("reason").asText()).isEqualTo(reason);
    }

    private boolean verifiedInDatabase(String email) {
        return jdbc.queryForObject("SELECT email_verified_at IS NOT NULL FROM app_user WHERE email = ?", Boolean.class,
                email);
    }

    @Test
    void theLinkOfTheSignUpMailVerifiesTheAddressOnce() {
        Owner owner = signUp("살롱 인증");
        assertThat(api.get("/v1/me", owner.token()).json().path("user").path("emailVerified").asBoolean(true))
                .isFalse();
        String token = Mails.awaitEmlToken(Mails.TEST_OUTBOX, owner.email(), "verify-email");
        // 256 random bits, kept only as their SHA-256
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM one_time_token WHERE token_hash = ?", Integer.class,
                SecretTokens.hash(token))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM one_time_token WHERE token_hash = ? OR email = ?",
                Integer.class, token, token)).isZero();

        HttpApi.Response verified = verify(token);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        JsonNode user = verified.json().path("user");
        assertThat(user.path("id").asText()).isEqualTo(owner.userId());
        assertThat(user.path("email").asText()).isEqualTo(owner.email());
        assertThat(user.path("emailVerified").asBoolean()).isTrue();
        assertThat(api.get("/v1/me", owner.token()).json().path("user").path("emailVerified").asBoolean()).isTrue();
        HttpApi.Response login = api.post("/v1/auth/login", null,
                Map.of("email", owner.email(), "password", "correct horse battery"));
        assertThat(login.json().path("user").path("emailVerified").asBoolean()).isTrue();

        // used once: a replay is 410 GONE
        assertGone(verify(token), "USED");
    }

    @Test
    void anExpiredOrUnknownLinkIsGoneAndVerifiesNothing() {
        Owner owner = signUp("살롱 만료");
        String token = Mails.awaitEmlToken(Mails.TEST_OUTBOX, owner.email(), "verify-email");
        assertThat(jdbc.queryForObject("""
                SELECT expires_at - created_at FROM one_time_token WHERE token_hash = ?""", String.class,
                SecretTokens.hash(token))).isEqualTo("1 day");
        jdbc.update("UPDATE one_time_token SET expires_at = now() - interval '1 second' WHERE token_hash = ?",
                SecretTokens.hash(token));
        assertGone(verify(token), "EXPIRED");
        assertThat(verifiedInDatabase(owner.email())).isFalse();

        byte[] forged = new byte[32];
        assertGone(verify(Base64.getUrlEncoder().withoutPadding().encodeToString(forged)), "UNKNOWN");
        assertGone(verify("' OR 1=1 --"), "UNKNOWN");
        assertThat(verifiedInDatabase(owner.email())).isFalse();
    }

    @Test
    void aSignedInAccountCanAskForAnotherLinkAndTheNewestOneUsesUpTheOlder() {
        Owner owner = signUp("살롱 재전송");
        String first = Mails.awaitEmlToken(Mails.TEST_OUTBOX, owner.email(), "verify-email");

        assertThat(api.post("/v1/auth/verify-email/resend", null, null).status()).isEqualTo(401);
        assertThat(api.post("/v1/auth/verify-email/resend", "garbage", null).status()).isEqualTo(401);
        HttpApi.Response resent = api.post("/v1/auth/verify-email/resend", owner.token(), null);
        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        Mails.awaitEml(Mails.TEST_OUTBOX, owner.email(), 2);
        String second = Mails.token(Mails.emlTo(Mails.TEST_OUTBOX, owner.email()).get(1), "verify-email");
        assertThat(second).isNotEqualTo(first);

        assertThat(verify(second).status()).isEqualTo(200);
        assertGone(verify(first), "USED");

        // already verified: accepted, and no further mail
        assertThat(api.post("/v1/auth/verify-email/resend", owner.token(), null).status()).isEqualTo(202);
        assertThat(api.post("/v1/auth/verify-email/resend", owner.token(), null).status()).isEqualTo(202);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE recipient = ?", Integer.class,
                owner.email())).isEqualTo(2);
    }

    @Test
    void aListedOperatorAddressIsAdminOnlyOnceVerified() {
        String password = "listed operator password";
        HttpApi.Response signup = api.post("/v1/auth/signup", null, Map.of("email", LISTED_ADMIN_EMAIL,
                "password", password, "name", "Somebody", "shopName", "Not ops"));
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        String unverified = signup.json().path("accessToken").asText();
        assertThat(claims(unverified).path("admin").asBoolean(true)).isFalse();
        assertThat(api.get("/v1/me", unverified).json().path("admin").asBoolean(true)).isFalse();
        assertThat(api.get("/v1/admin/projections", unverified).status()).isEqualTo(403);

        verifyEmail(LISTED_ADMIN_EMAIL);
        HttpApi.Response login = api.post("/v1/auth/login", null,
                Map.of("email", LISTED_ADMIN_EMAIL, "password", password));
        String verified = login.json().path("accessToken").asText();
        assertThat(claims(verified).path("admin").asBoolean()).isTrue();
        assertThat(api.get("/v1/admin/projections", verified).status()).isEqualTo(200);

        // an unlisted, verified address stays a normal user
        Owner owner = signUp("살롱 일반");
        verifyEmail(owner.email());
        String normal = api.post("/v1/auth/login", null, Map.of("email", owner.email(),
                "password", "correct horse battery")).json().path("accessToken").asText();
        assertThat(api.get("/v1/admin/projections", normal).status()).isEqualTo(403);
    }

    @Test
    void signUpStoresTheLocaleThatMailsSpeak() {
        String email = "locale-" + UUID.randomUUID() + "@salon.test";
        assertThat(api.post("/v1/auth/signup", null, Map.of("email", email, "password", "correct horse battery",
                "name", "Jun", "shopName", "Lumi", "locale", "en")).status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT locale FROM app_user WHERE email = ?", String.class, email))
                .isEqualTo("en");
        assertThat(Mails.subject(Mails.awaitEml(Mails.TEST_OUTBOX, email, 1)))
                .isEqualTo("Confirm your e-mail address for SalonMate");
        String defaulted = "locale-" + UUID.randomUUID() + "@salon.test";
        assertThat(api.post("/v1/auth/signup", null, Map.of("email", defaulted, "password", "correct horse battery",
                "name", "준", "shopName", "루미")).status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT locale FROM app_user WHERE email = ?", String.class, defaulted))
                .isEqualTo("ko");
    }

    private static JsonNode claims(String accessToken) {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return kr.salonmate.api.support.Json.parse(payload);
    }
}
