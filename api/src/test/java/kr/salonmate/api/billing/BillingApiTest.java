package kr.salonmate.api.billing;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.FakeToss;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.StompTestClient;
import kr.salonmate.api.support.BillingIntegrationTest;
import kr.salonmate.api.support.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Plans, the AI quota and Toss, through the real HTTP API on PostgreSQL, with Toss's v1 API played over HTTP by
 * {@link FakeToss} (see {@link BillingIntegrationTest}: FREE 2, PRO 5 generations, 6-second periods); every test
 * counts exactly what Toss charged.
 */
class BillingApiTest extends BillingIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aUsedUpQuotaRefusesDraftsAndCaptionsPausesAutomaticDraftingAndAnUpgradeResumesItOldestFirst()
            throws Exception {
        Owner owner = signUp("한도 살롱");
        try (StompTestClient live = StompTestClient.connect("ws://127.0.0.1:" + port + "/ws", owner.token())) {
            quotaRunsOutAndComesBack(owner, live.subscribe("/topic/shops/" + owner.shopId() + "/dashboard"));
        }
    }

    private void quotaRunsOutAndComesBack(Owner owner, StompTestClient.Subscription dashboardTopic)
            throws InterruptedException {
        // four new reviews: two take the FREE month's 2 generations, two wait; of those, the older must be drafted
        // first once the plan allows again
        importCsv(owner, """
                reviewId,author,rating,comment,createdAt
                nv-1,김하나,5,좋아요,2026-12-01T10:00:00+09:00
                nv-2,이두울,4,괜찮아요,2026-12-02T11:00:00+09:00
                nv-3,박세엣,5,최고예요,2026-12-03T10:00:00+09:00
                nv-4,최네엣,3,보통이에요,2026-12-04T10:00:00+09:00
                """);
        JsonNode dashboard = eventually(() -> api.get(owner.shop("/dashboard"), owner.token()).json(),
                d -> d.path("quotaExceeded").asBoolean() && d.path("reviews").path("awaitingApproval").asLong() == 2,
                "two drafts and quotaExceeded on the dashboard");
        // the owner's open dashboard learns it live, without asking
        assertThat(dashboardTopic.await(d -> d.path("quotaExceeded").asBoolean(), Duration.ofSeconds(10))
                .path("reviews").path("new").asLong()).isPositive();
        assertThat(dashboard.path("reviews").path("new").asLong()).isEqualTo(2);
        List<String> waiting = statuses(owner).entrySet().stream().filter(e -> e.getValue().equals("NEW"))
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(waiting).hasSize(2);
        String older = waiting.get(0); // nv-N sort like their createdAt
        String newer = waiting.get(1);

        JsonNode free = billing(owner);
        assertThat(free.path("plan").asText()).isEqualTo("FREE");
        assertThat(free.path("aiQuota").asInt()).isEqualTo(2);
        assertThat(free.path("aiUsed").asInt()).isEqualTo(2);
        assertThat(free.path("card").isNull()).isTrue();

        HttpApi.Response draft = api.post(owner.shop("/reviews/" + reviewId(owner, newer) + "/reply/draft"),
                owner.token(), null);
        assertThat(draft.status()).as(draft.body()).isEqualTo(402);
        assertThat(draft.errorCode()).isEqualTo("QUOTA_EXCEEDED");
        HttpApi.Response post = api.post(owner.shop("/posts"), owner.token(), Map.of("mediaIds", List.of(photo(owner))));
        assertThat(post.status()).as(post.body()).isEqualTo(402);
        assertThat(post.errorCode()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(api.get(owner.shop("/posts"), owner.token()).json().path("total").asLong()).isZero();

        String customer = "cust-" + UUID.randomUUID();
        HttpApi.Response subscribed = subscribe(owner, customer, "auth-good");
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(200);
        JsonNode pro = subscribed.json();
        assertThat(pro.path("plan").asText()).isEqualTo("PRO");
        assertThat(pro.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(pro.path("aiQuota").asInt()).isEqualTo(5);
        assertThat(pro.path("card").path("company").asText()).isEqualTo("현대");
        assertThat(pro.path("card").path("last4").asText()).isEqualTo("5678");
        assertThat(pro.path("payments").path(0).path("status").asText()).isEqualTo("DONE");
        assertThat(pro.path("payments").path(0).path("amount").asLong()).isEqualTo(29_000);
        assertThat(pro.toString()).doesNotContain("bk_");
        assertThat(TOSS.payments(customer)).hasSize(1);

        HttpApi.Response cancelled = api.post(owner.shop("/billing/cancel"), owner.token(), null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLING");
        assertThat(cancelled.json().path("plan").asText()).isEqualTo("PRO");
        assertThat(cancelled.json().path("nextChargeAt").isNull()).isTrue();
        assertThat(api.post(owner.shop("/billing/cancel"), owner.token(), null).status()).isEqualTo(409);
        Map<String, JsonNode> drafted = eventually(() -> reviews(owner),
                r -> r.get(older).path("status").asText().equals("DRAFTED")
                        && r.get(newer).path("status").asText().equals("DRAFTED"), "the waiting reviews drafted");
        // asked for oldest first (the drafts themselves may finish in any order)
        assertThat(draftRequestedAt(owner, drafted.get(older).path("id").asText()))
                .isBeforeOrEqualTo(draftRequestedAt(owner, drafted.get(newer).path("id").asText()));
        eventually(() -> api.get(owner.shop("/dashboard"), owner.token()).json(),
                d -> !d.path("quotaExceeded").asBoolean(), "quotaExceeded gone");
        dashboardTopic.await(d -> d.has("quotaExceeded") && !d.path("quotaExceeded").asBoolean(),
                Duration.ofSeconds(10));

        eventually(() -> billing(owner), b -> b.path("plan").asText().equals("FREE"), "FREE after the period");
        assertThat(TOSS.payments(customer)).as("nothing charged after cancelling").hasSize(1);
        assertThat(TOSS.chargeRequests(customer)).isEqualTo(1);
        assertThat(api.get(owner.shop(""), owner.token()).json().path("plan").asText()).isEqualTo("FREE");
        assertThat(auditActions(owner)).contains("AI_QUOTA_EXHAUSTED", "CHARGE_REQUESTED", "PAYMENT_SUCCEEDED",
                "PLAN_CHANGED", "AI_QUOTA_RESTORED", "SUBSCRIPTION_CANCELLED");

        // the shop's audit trail holds the money and plan changes beside its reviews' entries, filtered and exported
        JsonNode paid = api.get(owner.shop("/audit?action=PAYMENT_SUCCEEDED"), owner.token()).json();
        assertThat(paid.path("total").asLong()).isEqualTo(1);
        JsonNode payment = paid.path("items").path(0);
        assertThat(payment.path("reviewId").isNull()).isTrue();
        assertThat(payment.path("actor").path("type").asText()).isEqualTo("SYSTEM");
        assertThat(payment.path("detail").asText()).startsWith("orderId ").contains("29000 KRW");
        JsonNode cancel = api.get(owner.shop("/audit?action=SUBSCRIPTION_CANCELLED"), owner.token()).json();
        assertThat(cancel.path("items").path(0).path("actor").path("userId").asText()).isEqualTo(owner.userId());
        String csv = api.get(owner.shop("/audit?format=csv"), owner.token()).body();
        assertThat(csv.lines().filter(line -> line.contains(",PAYMENT_SUCCEEDED,")))
                .singleElement().satisfies(line -> assertThat(line).contains(",,PAYMENT_SUCCEEDED,SYSTEM,"));
        assertThat(csv).contains(",DRAFTED,");
    }

    @Test
    void concurrentRequestsNeverTakeMoreThanTheQuota() throws Exception {
        Owner owner = signUp("동시 요청 살롱");
        HttpApi.Response manual = api.put(owner.shop("/reply-settings"), owner.token(), Map.of("tone", "FRIENDLY",
                "language", "AUTO", "autoDraft", false, "allowOffers", false));
        assertThat(manual.status()).as(manual.body()).isEqualTo(200);
        importCsv(owner, """
                reviewId,author,rating,comment,createdAt
                cc-1,김하나,5,좋아요,2026-12-01T10:00:00+09:00
                cc-2,이두울,4,괜찮아요,2026-12-02T10:00:00+09:00
                cc-3,박세엣,5,최고예요,2026-12-03T10:00:00+09:00
                cc-4,최네엣,3,보통이에요,2026-12-04T10:00:00+09:00
                """);
        List<String> ids = eventually(() -> List.copyOf(reviews(owner).values()), r -> r.size() == 4, "four reviews")
                .stream().map(r -> r.path("id").asText()).toList();

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (String id : ids) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return new HttpApi(api.baseUrl()).post(owner.shop("/reviews/" + id + "/reply/draft"),
                            owner.token(), null).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(202, 202, 402, 402);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventually(() -> billing(owner), b -> b.path("aiUsed").asInt() == 2, "the count").path("aiUsed")
                .asInt()).isEqualTo(2);
    }

    @Test
    void aDeclinedCardIsPaymentFailedAndLeavesThePlanAsItWas() {
        Owner owner = signUp("거절 살롱");
        String customer = "cust-" + UUID.randomUUID();
        TOSS.nextCharges(customer, FakeToss.Charge.DECLINE);

        HttpApi.Response refused = subscribe(owner, customer, "auth-declined");

        assertThat(refused.status()).as(refused.body()).isEqualTo(402);
        assertThat(refused.errorCode()).isEqualTo("PAYMENT_FAILED");
        assertThat(refused.json().path("error").path("details").path("code").asText()).isEqualTo("REJECT_CARD_COMPANY");
        JsonNode after = eventually(() -> billing(owner), b -> b.path("payments").size() == 1
                && b.path("payments").path(0).path("status").asText().equals("FAILED"), "the failed payment");
        assertThat(after.path("plan").asText()).isEqualTo("FREE");
        assertThat(after.path("card").isNull()).isTrue();
        assertThat(after.path("payments").path(0).path("failure").path("code").asText())
                .isEqualTo("REJECT_CARD_COMPANY");
        assertThat(TOSS.payments(customer)).isEmpty();
        assertThat(TOSS.chargeRequests(customer)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM credential WHERE shop_id = ?::uuid AND kind = ?",
                Long.class, owner.shopId(), "TOSS_BILLING_KEY")).as("no billing key kept").isZero();
        assertThat(auditActions(owner)).contains("PAYMENT_FAILED").doesNotContain("PLAN_CHANGED");
    }

    @Test
    void eachPeriodIsChargedOnceAndFailingRenewalsGoPastDueThenFree() {
        Owner owner = signUp("갱신 살롱");
        String customer = "cust-" + UUID.randomUUID();
        assertThat(subscribe(owner, customer, "auth-good").status()).isEqualTo(200);
        assertThat(TOSS.payments(customer)).hasSize(1);
        String key = jdbc.queryForObject("SELECT encode(ciphertext, 'escape') FROM credential WHERE shop_id = ?::uuid"
                + " AND kind = 'TOSS_BILLING_KEY'", String.class, owner.shopId());
        assertThat(key).as("the billing key is stored encrypted").doesNotContain("bk_");

        eventually(() -> TOSS.payments(customer).size(), n -> n == 2, "the renewal's charge");
        JsonNode renewed = eventually(() -> billing(owner), b -> b.path("payments").size() == 2, "the renewal");
        assertThat(renewed.path("plan").asText()).isEqualTo("PRO");
        assertThat(renewed.path("payments").findValuesAsString("orderId")).doesNotHaveDuplicates();

        TOSS.declineAlways(customer);
        JsonNode pastDue = eventually(() -> billing(owner), b -> b.path("status").asText().equals("PAST_DUE"),
                "PAST_DUE after a declined renewal");
        assertThat(pastDue.path("plan").asText()).isEqualTo("PRO");
        JsonNode free = eventually(() -> billing(owner), b -> b.path("plan").asText().equals("FREE"),
                "FREE after the last retry");
        assertThat(free.path("card").isNull()).isTrue();
        assertThat(TOSS.payments(customer)).as("two periods paid, once each").hasSize(2);
        assertThat(TOSS.chargeRequests(customer)).as("2 paid + the failed renewal and its 2 retries").isEqualTo(5);
        assertThat(free.path("payments").findValuesAsString("status")).containsExactly("FAILED", "FAILED",
                "FAILED", "DONE", "DONE");
        eventually(() -> jdbc.queryForObject("SELECT count(*) FROM credential WHERE shop_id = ?::uuid AND kind = ?",
                Long.class, owner.shopId(), "TOSS_BILLING_KEY"), n -> n == 0, "a FREE shop keeps no billing key");
    }

    @Test
    void tossErrorsAndLostAnswersNeverChargeTwice() {
        Owner dropped = signUp("응답 유실 살롱");
        String droppedCustomer = "cust-" + UUID.randomUUID();
        TOSS.nextCharges(droppedCustomer, FakeToss.Charge.CHARGE_THEN_DROP);
        HttpApi.Response afterDrop = subscribe(dropped, droppedCustomer, "auth-good");
        assertThat(afterDrop.status()).as(afterDrop.body()).isEqualTo(200);
        assertThat(afterDrop.json().path("plan").asText()).isEqualTo("PRO");
        assertThat(TOSS.payments(droppedCustomer)).hasSize(1);
        assertThat(api.post(dropped.shop("/billing/cancel"), dropped.token(), null).status()).isEqualTo(200);

        Owner failing = signUp("5xx 살롱");
        String failingCustomer = "cust-" + UUID.randomUUID();
        TOSS.nextCharges(failingCustomer, FakeToss.Charge.SERVER_ERROR, FakeToss.Charge.SERVER_ERROR);
        HttpApi.Response after5xx = subscribe(failing, failingCustomer, "auth-good");
        assertThat(after5xx.status()).as(after5xx.body()).isEqualTo(200);
        assertThat(TOSS.payments(failingCustomer)).hasSize(1);
        assertThat(TOSS.chargeRequests(failingCustomer)).isEqualTo(3);

        assertThat(api.post(failing.shop("/billing/cancel"), failing.token(), null).status()).isEqualTo(200);
        assertThat(TOSS.payments(droppedCustomer)).hasSize(1);
        assertThat(TOSS.payments(failingCustomer)).hasSize(1);
    }

    @Test
    void theWebhookBelievesOnlyWhatTossSaysAndARepeatChangesNothing() {
        Owner owner = signUp("웹훅 살롱");
        String customer = "cust-" + UUID.randomUUID();
        TOSS.nextCharges(customer, FakeToss.Charge.CHARGE_THEN_DROP);
        TOSS.lookupsFail(customer, true); // Toss charged, then neither answered nor can be asked: the outcome is unknown
        HttpApi.Response unknown = subscribe(owner, customer, "auth-good");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(503);
        assertThat(TOSS.payments(customer)).hasSize(1);
        JsonNode pending = eventually(() -> billing(owner), b -> b.path("payments").size() == 1, "the pending order");
        assertThat(pending.path("plan").asText()).isEqualTo("FREE");
        String orderId = pending.path("payments").path(0).path("orderId").asText();
        assertThat(pending.path("payments").path(0).path("status").asText()).isEqualTo("PENDING");

        // forged: names our pending order as DONE with a payment key Toss does not know
        long eventsBefore = billingEvents(owner);
        assertThat(webhook("pay_forged", orderId).status()).isEqualTo(200);
        awaitWebhooksHandled(orderId);
        assertThat(billingEvents(owner)).as("a forged webhook records nothing").isEqualTo(eventsBefore);
        assertThat(billing(owner).path("plan").asText()).isEqualTo("FREE");

        String paymentKey = TOSS.payments(customer).get(0).paymentKey();
        HttpApi.Response real = webhook(paymentKey, orderId);
        assertThat(real.status()).isEqualTo(200);
        JsonNode paid = eventually(() -> billing(owner), b -> b.path("plan").asText().equals("PRO"),
                "PRO once Toss confirms the payment");
        assertThat(paid.path("payments").path(0).path("status").asText()).isEqualTo("DONE");
        assertThat(api.post(owner.shop("/billing/cancel"), owner.token(), null).status()).isEqualTo(200);
        long events = billingEvents(owner);
        assertThat(webhook(paymentKey, orderId).status()).isEqualTo(200);
        awaitWebhooksHandled(orderId);
        assertThat(billingEvents(owner)).as("a repeated webhook records nothing").isEqualTo(events);
        assertThat(TOSS.payments(customer)).hasSize(1);
    }

    @Test
    void billingIsForOwnersAndBadInputChangesNothing() {
        Owner owner = signUp("입력 살롱");
        Owner stranger = signUp("남의 살롱");
        assertThat(api.get(owner.shop("/billing"), stranger.token()).status()).isEqualTo(403);
        HttpApi.Response wrongPlan = api.post(owner.shop("/billing/subscribe"), owner.token(),
                Map.of("plan", "GOLD", "customerKey", "c-1", "authKey", "a-1"));
        assertThat(wrongPlan.status()).isEqualTo(400);
        assertThat(wrongPlan.errorCode()).isEqualTo("VALIDATION_FAILED");
        HttpApi.Response badAuth = subscribe(owner, "cust-" + UUID.randomUUID(), "expired-auth");
        assertThat(badAuth.status()).isEqualTo(402);
        assertThat(api.post(owner.shop("/billing/cancel"), owner.token(), null).status()).isEqualTo(409);
        assertThat(billing(owner).path("payments").size()).isZero();
        JsonNode config = api.get("/v1/billing/config", null).json();
        assertThat(config.path("clientKey").asText()).isEqualTo(CLIENT_KEY);
        assertThat(config.path("freeAiQuota").asInt()).isEqualTo(2);
        assertThat(config.path("proPriceKrw").asLong()).isEqualTo(29_000);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private HttpApi.Response subscribe(Owner owner, String customerKey, String authKey) {
        return api.post(owner.shop("/billing/subscribe"), owner.token(),
                Map.of("plan", "PRO", "customerKey", customerKey, "authKey", authKey));
    }

    private HttpApi.Response webhook(String paymentKey, String orderId) {
        return api.post("/v1/billing/toss/webhook", null, Map.of("eventType", "PAYMENT_STATUS_CHANGED",
                "createdAt", "2026-12-07T10:00:00.000000", "data", Map.of("paymentKey", paymentKey, "orderId", orderId,
                        "status", "DONE")));
    }

    private long billingEvents(Owner owner) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, "billing-" + owner.shopId());
    }

    /**
     * Waits until the webhooks sent so far have been handled: TossWebhookController hands them to one worker thread
     * in order, so once Toss is asked about a payment in a webhook sent after them, they are done (and whatever
     * they recorded is in the event store).
     */
    private void awaitWebhooksHandled(String orderId) {
        String probe = "pay_probe-" + UUID.randomUUID();
        assertThat(webhook(probe, orderId).status()).isEqualTo(200);
        eventually(() -> TOSS.lookedUp(probe), asked -> asked, "Toss to be asked about the webhook sent after them");
    }

    private JsonNode billing(Owner owner) {
        HttpApi.Response response = api.get(owner.shop("/billing"), owner.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void importCsv(Owner owner, String csv) {
        HttpApi.Response imported = api.sendBytes("POST", owner.shop("/reviews/import"), owner.token(),
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    private Map<String, JsonNode> reviews(Owner owner) {
        JsonNode items = api.get(owner.shop("/reviews?size=100"), owner.token()).json().path("items");
        Map<String, JsonNode> byExternalId = new java.util.HashMap<>();
        items.forEach(item -> byExternalId.put(item.path("externalId").asText(), item));
        return byExternalId;
    }

    private Map<String, String> statuses(Owner owner) {
        Map<String, String> statuses = new java.util.HashMap<>();
        reviews(owner).forEach((id, review) -> statuses.put(id, review.path("status").asText()));
        for (String id : List.of("nv-1", "nv-2", "nv-3", "nv-4")) {
            statuses.putIfAbsent(id, "");
        }
        return statuses;
    }

    private java.time.Instant draftRequestedAt(Owner owner, String reviewId) {
        JsonNode history = api.get(owner.shop("/reviews/" + reviewId + "/history"), owner.token()).json().path("items");
        for (JsonNode entry : history) {
            if (entry.path("action").asText().equals("DRAFT_REQUESTED")) {
                return java.time.Instant.parse(entry.path("at").asText());
            }
        }
        throw new AssertionError("no DRAFT_REQUESTED in " + history);
    }

    private String reviewId(Owner owner, String externalId) {
        return reviews(owner).get(externalId).path("id").asText();
    }

    private String photo(Owner owner) {
        HttpApi.Response upload = api.upload(owner.shop("/media"), owner.token(), "file", "photo.jpg", "image/jpeg",
                TestImages.jpeg(400, 400));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        return upload.json().path("id").asText();
    }

    private List<String> auditActions(Owner owner) {
        // what a manager reads: the shop's audit trail, its entries without a review
        return eventually(() -> {
            List<String> actions = new java.util.ArrayList<>();
            api.get(owner.shop("/audit?size=100"), owner.token()).json().path("items").forEach(entry -> {
                if (entry.path("reviewId").isNull()) {
                    actions.add(0, entry.path("action").asText());
                }
            });
            return actions;
        }, list -> !list.isEmpty(), "billing entries in the audit trail");
    }
}
