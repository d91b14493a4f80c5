package kr.salonmate.command.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.billing.AiGenerationReturned;
import kr.salonmate.messages.billing.AiGenerationUsed;
import kr.salonmate.messages.billing.AiQuotaExhausted;
import kr.salonmate.messages.billing.AiQuotaRestored;
import kr.salonmate.messages.billing.AutoDraftPaused;
import kr.salonmate.messages.billing.BillingId;
import kr.salonmate.messages.billing.CancelSubscription;
import kr.salonmate.messages.billing.ChargeRequested;
import kr.salonmate.messages.billing.EndSubscription;
import kr.salonmate.messages.billing.OrderIds;
import kr.salonmate.messages.billing.PaymentFailed;
import kr.salonmate.messages.billing.PaymentSucceeded;
import kr.salonmate.messages.billing.Plan;
import kr.salonmate.messages.billing.RecordPayment;
import kr.salonmate.messages.billing.RecordPaymentFailure;
import kr.salonmate.messages.billing.RequestCharge;
import kr.salonmate.messages.billing.ReturnAiGeneration;
import kr.salonmate.messages.billing.SubscriptionCancelled;
import kr.salonmate.messages.billing.SubscriptionEnded;
import kr.salonmate.messages.billing.SubscriptionPastDue;
import kr.salonmate.messages.billing.SubscriptionRenewed;
import kr.salonmate.messages.billing.SubscriptionStarted;
import kr.salonmate.messages.billing.UseAiGeneration;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AI quota of a shop's period and the subscription that pays for a bigger one. */
class BillingTest {

    static final ShopId SHOP = ShopId.of("7f1d2c3b-4a5e-4f60-8a9b-0c1d2e3f4a5b");
    static final BillingId BILLING = BillingId.of(SHOP);
    static final String ZONE = "Asia/Seoul";
    // 2026-11-27 12:15 in Seoul: November's FREE month runs 2026-10-31T15:00Z .. 2026-11-30T15:00Z
    static final Instant NOW = Instant.parse("2026-11-27T03:15:00Z");
    static final Instant MONTH_START = Instant.parse("2026-10-31T15:00:00Z");
    static final Instant MONTH_END = Instant.parse("2026-11-30T15:00:00Z");
    static final PlanSettings PLANS = new PlanSettings(2, 5, 29_000);
    static final UUID FIRST = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final UUID SECOND = UUID.fromString("22222222-2222-4222-8222-222222222222");
    static final ReviewId OLD_REVIEW = new ReviewId(UUID.fromString("33333333-3333-4333-8333-333333333333"));
    static final ReviewId NEW_REVIEW = new ReviewId(UUID.fromString("44444444-4444-4444-8444-444444444444"));
    static final Instant PAID_UNTIL = NOW.plus(Duration.ofDays(30));
    static final String ORDER = OrderIds.of(SHOP, NOW);
    static final String RENEWAL_ORDER = OrderIds.of(SHOP, PAID_UNTIL);
    static final Actor OWNER = Actor.user(UUID.fromString("0a0b0c0d-0e0f-4a1b-8c2d-3e4f5a6b7c8d"), "김사장");

    private FixtureConfiguration<Billing> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Billing.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(PLANS);
    }

    static UseAiGeneration onDemand(UUID subject) {
        return new UseAiGeneration(BILLING, SHOP, ZONE, "REPLY", subject, false, null);
    }

    static UseAiGeneration automatic(ReviewId review, Instant createdAt) {
        return new UseAiGeneration(BILLING, SHOP, ZONE, "REPLY", review.value(), true, createdAt);
    }

    static AiGenerationUsed used(UUID subject, int used) {
        return new AiGenerationUsed(SHOP, "REPLY", subject, false, ZONE, MONTH_START, MONTH_END, used, 2, NOW);
    }

    static ChargeRequested firstCharge() {
        return new ChargeRequested(SHOP, ORDER, 29_000, NOW, PAID_UNTIL, 1, false, "customer-1", "ref-1", "현대",
                "1234", NOW);
    }

    static SubscriptionStarted started() {
        return new SubscriptionStarted(SHOP, Plan.PRO, "customer-1", "ref-1", "현대", "1234", 29_000, NOW,
                PAID_UNTIL, 5, NOW);
    }

    static ChargeRequested renewalCharge(int attempt) {
        return new ChargeRequested(SHOP, RENEWAL_ORDER, 29_000, PAID_UNTIL, PAID_UNTIL.plus(Duration.ofDays(30)),
                attempt, true, null, null, null, null, NOW);
    }

    @Test
    void aGenerationIsTakenFromTheCalendarMonthOfTheShopsZone() {
        fixture.givenNoPriorActivity()
               .when(onDemand(FIRST))
               .expectEvents(used(FIRST, 1))
               .expectResultMessagePayload(true);
    }

    @Test
    void takingTheLastGenerationPausesAutomaticDraftingUntilTheMonthEnds() {
        fixture.given(used(FIRST, 1))
               .when(onDemand(SECOND))
               .expectEvents(used(SECOND, 2), new AiQuotaExhausted(SHOP, MONTH_END, 2, NOW))
               .expectScheduledDeadlineWithName(MONTH_END, Billing.QUOTA_PERIOD_END);
    }

    @Test
    void anOnDemandRequestBeyondTheQuotaIsRefusedAndChangesNothing() {
        fixture.given(used(FIRST, 1), used(SECOND, 2), new AiQuotaExhausted(SHOP, MONTH_END, 2, NOW))
               .when(onDemand(UUID.randomUUID()))
               .expectException(QuotaExceeded.class)
               .expectNoEvents();
    }

    @Test
    void anAutomaticDraftBeyondTheQuotaWaitsOnce() {
        Instant created = NOW.minusSeconds(60);
        fixture.given(used(FIRST, 1), used(SECOND, 2), new AiQuotaExhausted(SHOP, MONTH_END, 2, NOW),
                      new AutoDraftPaused(SHOP, NEW_REVIEW, created, NOW))
               .when(automatic(NEW_REVIEW, created))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void anAutomaticDraftAskedAgainForTheSameReviewTakesNothingMore() {
        ReviewId review = new ReviewId(FIRST);
        fixture.given(new AiGenerationUsed(SHOP, "REPLY", FIRST, true, ZONE, MONTH_START, MONTH_END, 1, 2, NOW))
               .when(automatic(review, NOW))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(true);
    }

    @Test
    void aNewMonthGivesTheWaitingReviewsTheirTurnOldestFirst() {
        fixture.given(used(FIRST, 1))
               .andGivenCommands(onDemand(SECOND), automatic(NEW_REVIEW, NOW.minusSeconds(10)),
                       automatic(OLD_REVIEW, NOW.minusSeconds(3600)))
               .whenThenTimeAdvancesTo(MONTH_END.plusSeconds(1))
               .expectTriggeredDeadlinesWithName(Billing.QUOTA_PERIOD_END)
               .expectEvents(new AiQuotaRestored(SHOP, List.of(OLD_REVIEW, NEW_REVIEW), 2, MONTH_END));
    }

    @Test
    void aGenerationWhoseRequestWasRefusedIsGivenBack() {
        fixture.given(used(FIRST, 1), used(SECOND, 2), new AiQuotaExhausted(SHOP, MONTH_END, 2, NOW))
               .when(new ReturnAiGeneration(BILLING, SECOND))
               .expectEvents(new AiGenerationReturned(SHOP, SECOND, MONTH_START, 1, 2, NOW),
                       new AiQuotaRestored(SHOP, List.of(), 2, NOW));
    }

    @Test
    void aPaidFirstChargeStartsProAndReleasesTheWaitingReviews() {
        fixture.given(used(FIRST, 1), used(SECOND, 2), new AiQuotaExhausted(SHOP, MONTH_END, 2, NOW),
                      new AutoDraftPaused(SHOP, NEW_REVIEW, NOW, NOW), firstCharge())
               .when(new RecordPayment(BILLING, ORDER, "pay-1", 29_000, NOW))
               .expectEvents(new PaymentSucceeded(SHOP, ORDER, "pay-1", 29_000, NOW, NOW), started(),
                       new AiQuotaRestored(SHOP, List.of(NEW_REVIEW), 5, NOW));
    }

    @Test
    void aPaymentIsRecordedOnceWhoeverReportsIt() {
        fixture.given(firstCharge(), new PaymentSucceeded(SHOP, ORDER, "pay-1", 29_000, NOW, NOW), started())
               .when(new RecordPayment(BILLING, ORDER, "pay-1", 29_000, NOW))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aPaymentOfAnotherAmountOrOrderCountsForNothing() {
        fixture.given(firstCharge())
               .when(new RecordPayment(BILLING, ORDER, "pay-1", 100, NOW))
               .expectNoEvents();
        fixture.given(firstCharge())
               .when(new RecordPayment(BILLING, "sm-forged-order", "pay-1", 29_000, NOW))
               .expectNoEvents();
    }

    @Test
    void aPaidPeriodIsNeverChargedAgain() {
        fixture.given(firstCharge(), new PaymentSucceeded(SHOP, ORDER, "pay-1", 29_000, NOW, NOW), started())
               .when(new RequestCharge(BILLING, SHOP, ZONE, ORDER, 29_000, NOW, PAID_UNTIL, 1, false, "customer-1",
                       "ref-2", null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aProShopCannotSubscribeAgain() {
        fixture.given(firstCharge(), new PaymentSucceeded(SHOP, ORDER, "pay-1", 29_000, NOW, NOW), started())
               .when(new RequestCharge(BILLING, SHOP, ZONE, OrderIds.of(SHOP, NOW.plusSeconds(5)), 29_000, NOW,
                       PAID_UNTIL, 1, false, "customer-1", "ref-2", null))
               .expectException(AlreadySubscribed.class);
    }

    @Test
    void aDeclinedFirstChargeLeavesThePlanAsItWas() {
        fixture.given(firstCharge())
               .when(new RecordPaymentFailure(BILLING, ORDER, "REJECT_CARD_COMPANY", "카드사 거절", false, null))
               .expectEvents(new PaymentFailed(SHOP, ORDER, 29_000, "REJECT_CARD_COMPANY", "카드사 거절", 1, false,
                       NOW));
    }

    @Test
    void aPaidRenewalStartsTheNextPeriodWithAFreshQuota() {
        fixture.given(firstCharge(), new PaymentSucceeded(SHOP, ORDER, "pay-1", 29_000, NOW, NOW), started(),
                      renewalCharge(1))
               .when(new RecordPayment(BILLING, RENEWAL_ORDER, "pay-2", 29_000, NOW))
               .expectEvents(new PaymentSucceeded(SHOP, RENEWAL_ORDER, "pay-2", 29_000, NOW, NOW),
                       new SubscriptionRenewed(SHOP, RENEWAL_ORDER, PAID_UNTIL, PAID_UNTIL.plus(Duration.ofDays(30)),
                               5, NOW));
    }

    @Test
    void aFailedRenewalMakesThePlanPastDueAndTheLastOneFree() {
        fixture.given(firstCharge(), new PaymentSucceeded(SHOP, ORDER, "pay-1", 29_000, NOW, NOW), started(),
                      renewalCharge(1))
               .when(new RecordPaymentFailure(BILLING, RENEWAL_ORDER, "REJECT_CARD_COMPANY", "거절", false, NOW.plusSeconds(86_400)))
               .expectEvents(new PaymentFailed(SHOP, RENEWAL_ORDER, 29_000, "REJECT_CARD_COMPANY", "거절", 1, true, NOW),
                       new SubscriptionPastDue(SHOP, RENEWAL_ORDER, NOW.plusSeconds(86_400), NOW));
        fixture.given(firstCharge(), new PaymentSucceeded(SHOP, ORDER, "pay-1", 29_000, NOW, NOW), started(),
                      renewalCharge(1), new PaymentFailed(SHOP, RENEWAL_ORDER, 29_000, "X", "x", 1, true, NOW),
                      new SubscriptionPastDue(SHOP, RENEWAL_ORDER, NOW, NOW), renewalCharge(3))
               .when(new RecordPaymentFailure(BILLING, RENEWAL_ORDER, "REJECT_CARD_COMPANY", "거절", true, null))
               .expectEvents(new PaymentFailed(SHOP, RENEWAL_ORDER, 29_000, "REJECT_CARD_COMPANY", "거절", 3, true, NOW),
                       new SubscriptionEnded(SHOP, "PAYMENT_FAILED", NOW));
    }

    @Test
    void aCancelledSubscriptionStaysProUntilThePeriodEnds() {
        fixture.given(firstCharge(), new PaymentSucceeded(SHOP, ORDER, "pay-1", 29_000, NOW, NOW), started())
               .when(new CancelSubscription(BILLING, OWNER))
               .expectEvents(new SubscriptionCancelled(SHOP, PAID_UNTIL, OWNER, NOW));
        fixture.given(firstCharge(), new PaymentSucceeded(SHOP, ORDER, "pay-1", 29_000, NOW, NOW), started(),
                      new SubscriptionCancelled(SHOP, PAID_UNTIL, OWNER, NOW))
               .when(new EndSubscription(BILLING))
               .expectEvents(new SubscriptionEnded(SHOP, "CANCELLED", NOW));
    }

    @Test
    void aFreeShopHasNothingToCancel() {
        fixture.given(used(FIRST, 1))
               .when(new CancelSubscription(BILLING, OWNER))
               .expectException(NotSubscribed.class);
    }
}
