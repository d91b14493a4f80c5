package kr.salonmate.api.e2e;

import static kr.salonmate.api.e2e.PackagedApplication.CATCH_UP;
import static kr.salonmate.api.support.Eventually.eventually;
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
 * paid, and records it: Toss charged that order once, and every order it charged is recorded once.
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
            eventually(() -> TOSS.hanging().size(), n -> n == 1, "the charge to hang at Toss", CATCH_UP);
            app.kill();
        }
        assertThat(TOSS.payments(customer)).as("the renewal was charged before the kill").hasSize(2);

        String killedOrder = TOSS.hanging().get(0);

        try (PackagedApplication restarted = PackagedApplication.start("billing-restarted", config)) {
            HttpApi api = new HttpApi(restarted.baseUrl());
            // the killed renewal is recorded (and, its period being long over by now, later ones may follow)
            eventually(() -> api.get(shop + "/billing", token).json(), b -> paid(b).contains(killedOrder),
                    "the killed order paid", CATCH_UP);
            assertThat(api.post(shop + "/billing/cancel", token, null).status()).isEqualTo(200);
            JsonNode settled = eventually(() -> api.get(shop + "/billing", token).json(),
                    b -> paid(b).size() == TOSS.paymentsOfShop(shopId).size(),
                    "every payment at Toss in the billing", CATCH_UP);
            // cancelled: PRO until the period ends (which, 20 s long, may already have happened), then FREE
            assertThat(settled.path("status").asText() + " " + settled.path("plan").asText())
                    .isIn("CANCELLING PRO", "ACTIVE FREE");
        }
        assertThat(TOSS.paymentsOfShop(shopId)).extracting(FakeToss.Payment::orderId)
                .as("every period charged once, the killed renewal too").doesNotHaveDuplicates()
                .filteredOn(killedOrder::equals).hasSize(1);
    }

    private static java.util.List<String> paid(JsonNode billing) {
        java.util.List<String> orders = new java.util.ArrayList<>();
        billing.path("payments").forEach(p -> {
            if (p.path("status").asText().equals("DONE")) {
                orders.add(p.path("orderId").asText());
            }
        });
        return orders;
    }
}
