package kr.salonmate.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where logins end: logout everywhere, the absolute end of a login 30 days after it started however often it is
 * refreshed, and five failed logins for one e-mail within 15 minutes.
 */
class SessionLimitsTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    JdbcTemplate jdbc;

    private HttpApi.Response login(String email, String password) {
        return api.post("/v1/auth/login", null, Map.of("email", email, "password", password));
    }

    private HttpApi.Response refresh(String refreshToken) {
        return api.post("/v1/auth/refresh", null, Map.of("refreshToken", refreshToken));
    }

    private void assertCode(HttpApi.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("error").path("code").asText()).isEqualTo(code);
    }

    // --- logout everywhere ----------------------------------------------------------------------------------

    @Test
    void logoutAllEndsEveryLoginOfTheCallerAndNoOneElses() {
        Owner owner = signUp("살롱 전체 로그아웃");
        Owner other = signUp("살롱 다른 사람");
        String second = login(owner.email(), PASSWORD).json().path("refreshToken").asText();

        assertCode(api.post("/v1/auth/logout-all", null, null), 401, "UNAUTHENTICATED");
        assertCode(api.post("/v1/auth/logout-all", "garbage", null), 401, "UNAUTHENTICATED");
        // a refresh token is not an access token
        assertCode(api.post("/v1/auth/logout-all", owner.refreshToken(), null), 401, "UNAUTHENTICATED");
        assertThat(refresh(owner.refreshToken()).status()).as("nothing ended by refused calls").isEqualTo(200);

        HttpApi.Response out = api.post("/v1/auth/logout-all", owner.token(), null);
        assertThat(out.status()).as(out.body()).isEqualTo(204);
        assertThat(out.body()).isEmpty();
        assertCode(refresh(second), 401, "UNAUTHENTICATED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token WHERE user_id = ?::uuid AND revoked_at IS NULL",
                Integer.class, owner.userId())).isZero();
        // another user's login goes on; a new login of the caller works
        assertThat(refresh(other.refreshToken()).status()).isEqualTo(200);
        assertThat(refresh(login(owner.email(), PASSWORD).json().path("refreshToken").asText()).status())
                .isEqualTo(200);
    }

    // --- the absolute end of a login ------------------------------------------------------------------------

    @Test
    void aLoginEndsThirtyDaysAfterItStartedHoweverOftenItIsRefreshed() {
        Owner owner = signUp("살롱 세션 수명");
        String token = owner.refreshToken();
        for (int i = 0; i < 3; i++) {
            HttpApi.Response refreshed = refresh(token);
            assertThat(refreshed.status()).isEqualTo(200);
            token = refreshed.json().path("refreshToken").asText();
        }
        // every rotation carries the login's start
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT session_started_at) FROM refresh_token WHERE user_id = ?::uuid",
                Integer.class, owner.userId())).isEqualTo(1);

        // 29 days in: still good, but the new token ends with the login (in one day), not in seven days
        startedAgo(owner.userId(), Duration.ofDays(29));
        HttpApi.Response late = refresh(token);
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        token = late.json().path("refreshToken").asText();
        Instant expires = jdbc.queryForObject("SELECT expires_at FROM refresh_token WHERE token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')",
                Timestamp.class, token).toInstant();
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofHours(23), Duration.ofHours(25));

        // 30 days in: over, however fresh the token
        startedAgo(owner.userId(), Duration.ofDays(30).plusMinutes(1));
        assertCode(refresh(token), 401, "UNAUTHENTICATED");
        assertThat(login(owner.email(), PASSWORD).status()).as("a new login starts a new 30 days").isEqualTo(200);
    }

    private void startedAgo(String userId, Duration ago) {
        jdbc.update("UPDATE refresh_token SET session_started_at = ? WHERE user_id = ?::uuid",
                Timestamp.from(Instant.now().minus(ago)), userId);
    }

    // --- failed logins per e-mail ---------------------------------------------------------------------------

    @Test
    void fiveFailedLoginsLockTheEmailUntilTheWindowPasses() {
        Owner owner = signUp("살롱 잠금");
        Owner bystander = signUp("살롱 이웃");
        for (int i = 0; i < 5; i++) {
            assertCode(login(owner.email(), "wrong password " + i), 401, "UNAUTHENTICATED");
        }
        // the right password does not help now, whatever the IP
        HttpApi.Response locked = login(owner.email(), PASSWORD);
        assertCode(locked, 429, "RATE_LIMITED");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertThat(retryAfter).isBetween(800L, 901L);
        assertThat(locked.body()).doesNotContain("accessToken");
        assertCode(login(owner.email().toUpperCase(), PASSWORD), 429, "RATE_LIMITED");
        // only that e-mail
        assertThat(login(bystander.email(), PASSWORD).status()).isEqualTo(200);

        // the window passes
        jdbc.update("UPDATE login_failure SET failed_at = failed_at - interval '15 minutes' WHERE email = ?",
                owner.email());
        assertThat(login(owner.email(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        Owner owner = signUp("살롱 초기화");
        for (int i = 0; i < 4; i++) {
            assertCode(login(owner.email(), "wrong password"), 401, "UNAUTHENTICATED");
        }
        assertThat(login(owner.email(), PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertCode(login(owner.email(), "wrong password"), 401, "UNAUTHENTICATED");
        }
        assertThat(login(owner.email(), PASSWORD).status()).isEqualTo(200);
        assertCode(login(owner.email(), "wrong password"), 401, "UNAUTHENTICATED");
    }

    @Test
    void unknownAddressesAreLockedTheSameWay() {
        String unknown = "nobody-" + UUID.randomUUID() + "@salon.test";
        for (int i = 0; i < 5; i++) {
            assertCode(login(unknown, PASSWORD), 401, "UNAUTHENTICATED");
        }
        assertCode(login(unknown, PASSWORD), 429, "RATE_LIMITED");
    }
}
