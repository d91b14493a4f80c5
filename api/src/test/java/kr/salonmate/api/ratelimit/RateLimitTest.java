package kr.salonmate.api.ratelimit;

import static kr.salonmate.api.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.ShopWithReviewsTest;
import kr.salonmate.api.support.TestDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The rate limits of API.md with small numbers: per user on the API, per IP on the auth endpoints, per shop on
 * on-demand drafts. A refused request is {@code 429 RATE_LIMITED} with {@code Retry-After} and changes nothing.
 * Its own application context and database, closed afterwards: the other tests run with the limits far away.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest extends ShopWithReviewsTest {

    private static final TestDatabase.Database OWN_DATABASE = TestDatabase.create("itrl");
    private static final int PER_USER = 300;
    private static final int AUTH_PER_IP = 4;
    private static final int AI_PER_SHOP = 2;

    private static Owner owner;
    private static Owner stranger;
    private static List<String> reviewIds;

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("salonmate.test.database-url", OWN_DATABASE::url); // see IntegrationTest
        registry.add("salonmate.rate-limit.default", () -> PER_USER);
        registry.add("salonmate.rate-limit.auth", () -> AUTH_PER_IP);
        registry.add("salonmate.rate-limit.ai", () -> AI_PER_SHOP);
    }

    private void shopWithReviews() {
        if (owner == null) {
            owner = signUp("살롱 한도");     // auth request 1
            stranger = signUp("옆 가게");     // auth request 2
            reviewIds = new ArrayList<>(shopWithDraftedReviews(owner, 1).values());
        }
    }

    @Test
    @Order(1)
    void aShopAsksForAtMostTheAiLimitOfDraftsAMinuteAndStrangersCannotUseItUp() {
        shopWithReviews();
        String draft = owner.shop("/reviews/" + reviewIds.get(0) + "/reply/draft");
        for (int i = 0; i < AI_PER_SHOP + 2; i++) {
            assertError(api.post(draft, stranger.token(), Map.of()), 403, "FORBIDDEN");
        }
        long requests = draftRequests(reviewIds.get(0));
        for (int i = 0; i < AI_PER_SHOP; i++) {
            HttpApi.Response accepted = api.post(draft, owner.token(), Map.of("instruction", "짧게 " + i));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        }
        HttpApi.Response refused = api.post(draft, owner.token(), Map.of("instruction", "한 번 더"));
        JsonNode error = assertError(refused, 429, "RATE_LIMITED");
        assertThat(error.path("details").path("limit").asInt()).isEqualTo(AI_PER_SHOP);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(draftRequests(reviewIds.get(0))).isEqualTo(requests + AI_PER_SHOP);
        // the shop's other work goes on: only drafts on demand are limited
        assertThat(api.get(owner.shop("/reviews"), owner.token()).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aUserGetsAtMostTheDefaultLimitOfRequestsAMinuteAndOthersAreNotAffected() {
        shopWithReviews();
        int ok = 0;
        long started = System.nanoTime();
        HttpApi.Response response;
        do {
            response = api.get("/v1/me", stranger.token());
            if (response.status() == 200) {
                ok++;
            }
        } while (response.status() == 200 && ok <= 2 * PER_USER);
        // the bucket refills at PER_USER a minute while the loop runs; a few requests went to earlier calls
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(ok).isGreaterThan(PER_USER - 20).isLessThanOrEqualTo(PER_USER + (int) Math.ceil(seconds * PER_USER / 60));
        assertError(response, 429, "RATE_LIMITED");
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(response.header("X-Request-Id")).isNotBlank();
        // a refused POST does nothing, not even claim its Idempotency-Key (the bucket refills 5 tokens a second, so on a
        // slow machine a token may have come back since the refused GET: the first POSTs may still pass)
        HttpApi.Response post;
        String key;
        int attempts = 0;
        do {
            key = "limited-" + ++attempts;
            post = api.send("POST", "/v1/shops/" + stranger.shopId() + "/reviews/sync", stranger.token(), null,
                    Map.of("Idempotency-Key", key));
        } while (post.status() != 429 && attempts < 20);
        assertError(post, 429, "RATE_LIMITED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idem_key = ?", Long.class, key))
                .isZero();

        assertThat(api.get("/v1/me", owner.token()).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void signInAttemptsFromOneAddressAreLimitedAndARefusedSignUpCreatesNoAccount() {
        shopWithReviews();
        long users = jdbc.queryForObject("SELECT count(*) FROM app_user", Long.class);
        // the bucket holds AUTH_PER_IP (refilled since the two sign-ups of the set-up): wrong passwords until refused
        int answered = 0;
        HttpApi.Response login;
        while ((login = api.post("/v1/auth/login", null, Map.of("email", owner.email(), "password", "wrong " + answered)))
                .status() == 401 && answered <= AUTH_PER_IP) {
            assertError(login, 401, "UNAUTHENTICATED");
            answered++;
        }
        assertThat(answered).isBetween(1, AUTH_PER_IP);
        assertError(login, 429, "RATE_LIMITED");
        assertThat(login.json().path("error").path("details").path("scope").asText()).isEqualTo("AUTH_PER_IP");
        assertThat(Long.parseLong(login.header("Retry-After"))).isBetween(1L, 60L);
        // even the right password waits: the limit is on attempts, not on failures
        assertError(api.post("/v1/auth/login", null, Map.of("email", owner.email(), "password", "correct horse battery")),
                429, "RATE_LIMITED");
        HttpApi.Response signup = api.post("/v1/auth/signup", null, Map.of("email", "limited@salon.test",
                "password", "a long enough password", "name", "한도", "shopName", "한도 살롱"));
        assertError(signup, 429, "RATE_LIMITED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user", Long.class)).isEqualTo(users);
        // starting a Google or Kakao sign-in is a sign-in attempt too (each one stores a state)
        long attempts = jdbc.queryForObject("SELECT count(*) FROM oauth_login_attempt", Long.class);
        assertError(api.get("/v1/auth/oauth/google/authorize", null), 429, "RATE_LIMITED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM oauth_login_attempt", Long.class)).isEqualTo(attempts);
        // signed-in users are not held up by the address's sign-in attempts
        assertThat(api.get("/v1/me", owner.token()).status()).isEqualTo(200);
    }

    private long draftRequests(String reviewId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?
                AND payload_type LIKE '%ReplyDraftRequested'""", Long.class, reviewId);
    }
}
