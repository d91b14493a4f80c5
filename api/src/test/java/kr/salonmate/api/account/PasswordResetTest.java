package kr.salonmate.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.security.SecretTokens;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.Mails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Forgot / reset password: always 202 without telling whether the address is known (same answer, similar time),
 * a single-use one-hour link to a known address in its language, and a reset that ends every login.
 */
class PasswordResetTest extends IntegrationTest {

    private static final String OLD_PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "a brand new password";

    @Autowired
    JdbcTemplate jdbc;

    private HttpApi.Response forgot(String email) {
        return api.post("/v1/auth/password/forgot", null, Map.of("email", email));
    }

    private HttpApi.Response reset(String token, String password) {
        return api.post("/v1/auth/password/reset", null, Map.of("token", token, "password", password));
    }

    private HttpApi.Response login(String email, String password) {
        return api.post("/v1/auth/login", null, Map.of("email", email, "password", password));
    }

    private HttpApi.Response refresh(String refreshToken) {
        return api.post("/v1/auth/refresh", null, Map.of("refreshToken", refreshToken));
    }

    private int resetMailsTo(String email) {
        return (int) Mails.emlTo(Mails.TEST_OUTBOX, email).stream()
                .filter(m -> Mails.text(m).contains("/#/reset-password?token=")).count();
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsEveryLogin() {
        Owner owner = signUp("살롱 재설정");
        String otherLogin = login(owner.email(), OLD_PASSWORD).json().path("refreshToken").asText();

        HttpApi.Response asked = forgot(owner.email().toUpperCase());
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.body()).isEmpty();
        String token = Mails.awaitEmlToken(Mails.TEST_OUTBOX, owner.email(), "reset-password");
        assertThat(Mails.subject(Mails.emlTo(Mails.TEST_OUTBOX, owner.email()).stream()
                .filter(m -> Mails.text(m).contains("reset-password")).findFirst().orElseThrow()))
                .isEqualTo("[SalonMate] 비밀번호 재설정");
        assertThat(jdbc.queryForObject("SELECT expires_at - created_at FROM one_time_token WHERE token_hash = ?",
                String.class, SecretTokens.hash(token))).isEqualTo("01:00:00");

        HttpApi.Response done = reset(token, NEW_PASSWORD);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("user").path("id").asText()).isEqualTo(owner.userId());
        // the link was mailed to the address: following it proves the address too
        assertThat(done.json().path("user").path("emailVerified").asBoolean()).isTrue();
        assertThat(done.body()).doesNotContain("accessToken", "refreshToken");

        assertThat(login(owner.email(), OLD_PASSWORD).status()).isEqualTo(401);
        assertThat(login(owner.email(), NEW_PASSWORD).status()).isEqualTo(200);
        // every login that existed before the reset is over
        assertThat(refresh(owner.refreshToken()).status()).isEqualTo(401);
        assertThat(refresh(otherLogin).status()).isEqualTo(401);

        // single use
        HttpApi.Response again = reset(token, "yet another password");
        assertThat(again.status()).as(again.body()).isEqualTo(410);
        assertThat(again.json().path("error").path("code").asText()).isEqualTo("GONE");
        assertThat(login(owner.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anExpiredLinkIsGoneAndChangesNothing() {
        Owner owner = signUp("살롱 만료 재설정");
        assertThat(forgot(owner.email()).status()).isEqualTo(202);
        String token = Mails.awaitEmlToken(Mails.TEST_OUTBOX, owner.email(), "reset-password");
        jdbc.update("UPDATE one_time_token SET expires_at = now() - interval '1 second' WHERE token_hash = ?",
                SecretTokens.hash(token));
        HttpApi.Response expired = reset(token, NEW_PASSWORD);
        assertThat(expired.status()).as(expired.body()).isEqualTo(410);
        assertThat(expired.json().path("error").path("details").path("reason").asText()).isEqualTo("EXPIRED");
        assertThat(login(owner.email(), OLD_PASSWORD).status()).isEqualTo(200);
        assertThat(refresh(owner.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void englishAccountsGetTheMailInEnglish() {
        String email = "reset-en-" + UUID.randomUUID() + "@salon.test";
        assertThat(api.post("/v1/auth/signup", null, Map.of("email", email, "password", OLD_PASSWORD, "name", "Jun",
                "shopName", "Lumi", "locale", "en")).status()).isEqualTo(201);
        assertThat(forgot(email).status()).isEqualTo(202);
        Mails.awaitEmlToken(Mails.TEST_OUTBOX, email, "reset-password");
        var mail = Mails.emlTo(Mails.TEST_OUTBOX, email).stream()
                .filter(m -> Mails.text(m).contains("reset-password")).findFirst().orElseThrow();
        assertThat(Mails.subject(mail)).isEqualTo("Reset your SalonMate password");
        assertThat(Mails.text(mail)).contains("1 hour", "http://127.0.0.1:" + port + "/#/reset-password?token=");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerInSimilarTimeAndNoMail() throws Exception {
        Owner owner = signUp("살롱 열거");
        String unknown = "nobody-" + UUID.randomUUID() + "@salon.test";
        HttpApi.Response known = forgot(owner.email());
        HttpApi.Response stranger = forgot(unknown);
        assertThat(stranger.status()).isEqualTo(known.status()).isEqualTo(202);
        assertThat(stranger.body()).isEqualTo(known.body());
        assertThat(stranger.header("Content-Type")).isEqualTo(known.header("Content-Type"));

        // similar time: both do one bcrypt hash; without it the unknown case answers many times faster
        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            knownTimes.add(timed(owner.email()));
            unknownTimes.add(timed("nobody-" + UUID.randomUUID() + "@salon.test"));
        }
        double ratio = (double) median(unknownTimes) / median(knownTimes);
        assertThat(ratio).as("unknown %s ms vs known %s ms", unknownTimes, knownTimes).isBetween(0.5, 2.0);

        Mails.awaitEml(Mails.TEST_OUTBOX, owner.email(), 7); // the sign-up's and six reset mails
        assertThat(Mails.emlTo(Mails.TEST_OUTBOX, unknown)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE recipient = ?", Integer.class,
                unknown)).isZero();
        assertThat(resetMailsTo(owner.email())).isEqualTo(6);
    }

    private long timed(String email) {
        long start = System.nanoTime();
        assertThat(forgot(email).status()).isEqualTo(202);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
