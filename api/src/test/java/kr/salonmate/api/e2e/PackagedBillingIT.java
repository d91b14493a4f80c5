package kr.salonmate.api.e2e;

import static kr.salonmate.api.e2e.PackagedApplication.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kr.salonmate.api.support.FakeToss;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A renewal survives kill -9 in the middle of Toss's charge, charged once: the packaged jar subscribes a shop (one
 * charge), and when its 20-second period ends the renewal's charge reaches Toss, which charges and holds its answer
 * back; the process is killed right then. After a restart the renewal's deadline runs again (its execution was
 * declared dead after the short heartbeat), sends the same order with the same Idempotency-Key, learns that it is
 * paid, and records it: the shop is PRO for the next period and Toss charged exactly twice.
 */
class PackagedBillingIT {

    private static final String SECRET = "test_sk_packaged";
    private static final FakeToss TOSS = new FakeToss(SECRET);
    private static Map<String, String> config;

    @BeforeAll
    static void environment() {
        TestDatabase.Database database = TestDatabase.create("e2ebilling");
        config = PackagedApplication.settings(database, "target/e2e-billing-data", null,
                "salonmate.toss.api-base-url", TOSS.baseUrl(),
                "salonmate.toss.secret-key", SECRET,
                "salonmate.toss.client-key", "test_ck_packaged",
                "salonmate.billing.period", "PT20S",
                "salonmate.billing.upstream-retry", "PT2S",
                "salonmate.deadlines.heartbeat", "PT1S");
    }

    @AfterAll
    static void stopToss() {
        TOSS.close();
    }

    @Test
    void aRenewalKilledMidChargeIsChargedOnceAfterTheRestart() throws Exception {
        String customer = "cust-packaged-1";
        String token;
        String shop;
        String shopId;
        try (PackagedApplication app = PackagedApplication.start("billing-first", config)) {
            HttpApi api = new HttpApi(app.baseUrl());
            JsonNode signup = api.post("/v1/auth/signup", null, Map.of("email", "billing@e2e.test",
                    "password", "a long enough password", "name", "최원장", "shopName", "결제 살롱 E2E")).json();
            token = signup.path("accessToken").asText();
            shopId = signup.path("shop").path("id").asText();
            shop = "/v1/shops/" + shopId;
            HttpApi.Response subscribed = api.post(shop + "/billing/subscribe", token,
                    Map.of("plan", "PRO", "customerKey", customer, "authKey", "auth-packaged"));
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(200);
            assertThat(TOSS.payments(customer)).hasSize(1);

            TOSS.nextCharges(customer, FakeToss.Charge.CHARGE_THEN_HANG);
            eventually(() -> TOSS.hanging().size(), n -> n == 1);
            app.kill();
        }
        assertThat(TOSS.payments(customer)).as("the renewal was charged before the kill").hasSize(2);

        try (PackagedApplication restarted = PackagedApplication.start("billing-restarted", config)) {
            HttpApi api = new HttpApi(restarted.baseUrl());
            JsonNode renewed = eventually(() -> api.get(shop + "/billing", token).json(),
                    b -> b.path("payments").findValuesAsString("status").stream().filter("DONE"::equals).count() == 2);
            assertThat(renewed.path("plan").asText()).isEqualTo("PRO");
            assertThat(renewed.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(TOSS.payments(customer)).as("Toss charged the renewal once").hasSize(2);
            assertThat(TOSS.paymentsOfShop(shopId)).extracting(FakeToss.Payment::orderId).doesNotHaveDuplicates();
            assertThat(api.post(shop + "/billing/cancel", token, null).status()).isEqualTo(200);
        }
        assertThat(TOSS.payments(customer)).hasSize(2);
    }
}
