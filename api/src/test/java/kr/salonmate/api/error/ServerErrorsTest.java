package kr.salonmate.api.error;

import static kr.salonmate.api.support.Errors.assertError;
import static kr.salonmate.api.support.Errors.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.ShopWithReviewsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failures on our side or upstream answer 5xx with the envelope and nothing else: no stack trace, no SQL, not a
 * word of what the upstream said; nothing is stored, and the next attempt works once the upstream is back.
 */
class ServerErrorsTest extends ShopWithReviewsTest {

    /** What a broken upstream might say; none of it may reach our client. */
    private static final String UPSTREAM_GARBAGE = "{\"error\":\"backend_error\",\"error_description\":"
            + "\"java.sql.SQLException: ERROR: relation \\\"oauth_tokens\\\" does not exist\\n"
            + "\\tat com.google.identity.TokenStore.load(TokenStore.java:42)\\nSELECT * FROM oauth_tokens\"}";

    private static Owner owner;

    @BeforeEach
    void shareOneOwner() {
        if (owner == null) {
            owner = signUp("살롱 장애");
        }
    }

    private Map<String, Object> connection() {
        return Map.of("accountId", "acc-1", "locationId", owner.shopId(), "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN);
    }

    private int credentials() {
        return jdbc.queryForObject("SELECT count(*) FROM credential WHERE shop_id = ?::uuid", Integer.class,
                owner.shopId());
    }

    private void assertNotConnected() {
        assertThat(api.get(owner.shop(""), owner.token()).json().path("connections").path("google").isNull())
                .as("the shop is not connected").isTrue();
        assertThat(credentials()).as("no credential stored").isZero();
    }

    private void assertUpstreamUnavailable(HttpApi.Response response) {
        assertError(response, 503, "UPSTREAM_UNAVAILABLE");
        assertThat(response.body()).doesNotContain("oauth_tokens", "TokenStore", "backend_error", "<html",
                FakeGoogle.VALID_REFRESH_TOKEN);
    }

    @Test
    void googleFailingIsA503ThatLeaksNothingAndStoresNothing() {
        try {
            int before = GOOGLE.tokenExchanges();
            GOOGLE.failNextTokenExchanges(10, 500, UPSTREAM_GARBAGE);
            assertUpstreamUnavailable(api.put(owner.shop("/connections/google"), owner.token(), connection()));
            assertThat(GOOGLE.tokenExchanges() - before).as("retried a few times, not forever").isBetween(2, 5);
            assertNotConnected();

            GOOGLE.failNextTokenExchanges(10, 200, "<html><body>Proxy error: SELECT failed</body></html>");
            assertUpstreamUnavailable(api.put(owner.shop("/connections/google"), owner.token(), connection()));
            assertNotConnected();
        } finally {
            GOOGLE.failNextTokenExchanges(0, 503, "");
        }
        HttpApi.Response recovered = api.put(owner.shop("/connections/google"), owner.token(), connection());
        assertThat(recovered.status()).as(recovered.body()).isEqualTo(200);
        assertThat(recovered.json().path("connections").path("google").path("locationId").asText())
                .isEqualTo(owner.shopId());
        assertThat(recovered.body()).doesNotContain(FakeGoogle.VALID_REFRESH_TOKEN);
        assertThat(credentials()).isEqualTo(1);
    }

    @Test
    void textPostgresCannotStoreIsRefusedUpFrontNotAServerError() {
        // NUL characters used to reach PostgreSQL and fail there as 500 INTERNAL
        HttpApi.Response shop = api.post("/v1/shops", owner.token(), Map.of("name", "살롱\u0000두번째"));
        assertInvalid(shop, "name");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shop_membership WHERE user_id = ?::uuid",
                Integer.class, owner.userId())).as("no second shop").isEqualTo(1);
        assertInvalid(api.post("/v1/auth/login", null, Map.of("email", "a\u0000b@salon.test", "password", "x")),
                "email");
        assertInvalid(api.get(owner.shop("/reviews?q=%00"), owner.token()), "q");
        // an unpaired surrogate is not text either; it would be stored as '?'
        assertInvalid(api.send("POST", "/v1/shops", owner.token(), "{\"name\":\"살롱 \\ud800\"}", Map.of()), "name");
    }
}
