package kr.salonmate.api.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with small plans and short billing periods, Toss played over HTTP by {@link FakeToss} (which also
 * serves a fake of Toss's card-registration SDK for the page). Periods last 6 s and failed renewals are retried
 * after 1 s, so renewals happen within a test. Billing tests share this one context (its own, because the FREE
 * quota of the common one is unlimited).
 */
public abstract class BillingIntegrationTest extends IntegrationTest {

    public static final String SECRET_KEY = "test_sk_salonmate_fake";
    public static final String CLIENT_KEY = "test_ck_salonmate_fake";
    protected static final FakeToss TOSS = new FakeToss(SECRET_KEY);
    /** Its own database: another context's processors and deadlines on the same one would use other settings. */
    private static final TestDatabase.Database OWN_DATABASE = TestDatabase.create("billing");

    @DynamicPropertySource
    static void billing(DynamicPropertyRegistry registry) {
        registry.add("salonmate.test.database-url", OWN_DATABASE::url); // see IntegrationTest
        registry.add("salonmate.plan.free-ai-quota", () -> "2");
        registry.add("salonmate.plan.pro-ai-quota", () -> "5");
        registry.add("salonmate.plan.pro-price-krw", () -> "29000");
        registry.add("salonmate.billing.period", () -> "PT6S");
        registry.add("salonmate.billing.retry-delays", () -> "PT1S,PT1S");
        registry.add("salonmate.billing.upstream-retry", () -> "PT1S");
        registry.add("salonmate.toss.api-base-url", TOSS::baseUrl);
        registry.add("salonmate.toss.secret-key", () -> SECRET_KEY);
        registry.add("salonmate.toss.client-key", () -> CLIENT_KEY);
        registry.add("salonmate.toss.sdk-url", () -> TOSS.baseUrl() + "/sdk/v1/payment");
    }
}
