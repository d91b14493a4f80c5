package kr.salonmate.saga.billing;

import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import kr.salonmate.integration.credentials.CredentialVault;
import kr.salonmate.integration.toss.Charging;
import kr.salonmate.integration.toss.TossPayment;
import kr.salonmate.messages.billing.BillingId;
import kr.salonmate.messages.billing.EndSubscription;
import kr.salonmate.messages.billing.OrderIds;
import kr.salonmate.messages.billing.Plan;
import kr.salonmate.messages.billing.RecordPayment;
import kr.salonmate.messages.billing.RecordPaymentFailure;
import kr.salonmate.messages.billing.RequestCharge;
import kr.salonmate.messages.billing.SubscriptionCancelled;
import kr.salonmate.messages.billing.SubscriptionEnded;
import kr.salonmate.messages.billing.SubscriptionStarted;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renewals on the persistent deadline: paid, declined down to FREE, cancelled. Toss is behind {@link Charging}. */
class SubscriptionRenewalTest {

    static final ShopId SHOP = ShopId.of("7f1d2c3b-4a5e-4f60-8a9b-0c1d2e3f4a5b");
    static final BillingId BILLING = BillingId.of(SHOP);
    static final Duration PERIOD = Duration.ofDays(30);

    private final Charging charging = mock(Charging.class);
    private final CredentialVault vault = mock(CredentialVault.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private SagaTestFixture<SubscriptionRenewal> fixture;
    private Instant start;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(SubscriptionRenewal.class);
        fixture.registerResource(charging);
        fixture.registerResource(vault);
        fixture.registerResource(queries);
        fixture.registerResource(new BillingProperties("P30D", "P1D,P3D", Duration.ofMinutes(10)));
        ShopView shop = new ShopView(SHOP, "살롱", "Asia/Seoul", "ko", UUID.randomUUID(), ReplySettings.defaults(),
                null, "PRO", null);
        doReturn(CompletableFuture.completedFuture(shop)).when(queries).query(any(FindShop.class), any(ResponseType.class));
        when(vault.reveal("ref-1")).thenReturn("bk_secret");
        start = fixture.currentTime();
    }

    private SubscriptionStarted started() {
        return new SubscriptionStarted(SHOP, Plan.PRO, "cust-1", "ref-1", "현대", "5678", 29_000, start,
                start.plus(PERIOD), 1000, start);
    }

    private String renewalOrder() {
        return OrderIds.of(SHOP, start.plus(PERIOD));
    }

    @Test
    void theEndOfAPaidPeriodChargesTheNextOneUnderItsOwnOrderId() throws Exception {
        TossPayment paid = new TossPayment("pay-2", renewalOrder(), "DONE", 29_000, start.plus(PERIOD));
        when(charging.charge("bk_secret", "cust-1", 29_000, renewalOrder(), "SalonMate PRO"))
                .thenReturn(new Charging.Outcome.Paid(paid));

        fixture.givenAPublished(started())
                .whenTimeElapses(PERIOD)
                .expectTriggeredDeadlinesWithName(SubscriptionRenewal.RENEWAL_DEADLINE)
                .expectDispatchedCommands(
                        new RequestCharge(BILLING, SHOP, "Asia/Seoul", renewalOrder(), 29_000, start.plus(PERIOD),
                                start.plus(PERIOD).plus(PERIOD), 1, true, "cust-1", "ref-1", null),
                        new RecordPayment(BILLING, renewalOrder(), "pay-2", 29_000, start.plus(PERIOD)));
    }

    @Test
    void aDeclinedRenewalIsTriedAgainAfterEachDelayAndTheLastFailureSaysSo() throws Exception {
        when(charging.charge(eq("bk_secret"), eq("cust-1"), anyLong(), eq(renewalOrder()), any()))
                .thenReturn(new Charging.Outcome.Declined("REJECT_CARD_COMPANY", "거절"));

        fixture.givenAPublished(started())
                .andThenTimeElapses(PERIOD)
                .andThenTimeElapses(Duration.ofDays(1))
                .whenTimeElapses(Duration.ofDays(3))
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(
                        matches(c -> c instanceof RequestCharge r && r.attempt() == 3 && r.orderId().equals(renewalOrder())),
                        matches(c -> c instanceof RecordPaymentFailure f && f.lastAttempt() && f.retryAt() == null
                                && f.code().equals("REJECT_CARD_COMPANY")))));
        verify(charging, times(3)).charge(any(), any(), anyLong(), eq(renewalOrder()), any());
    }

    @Test
    void aCancelledSubscriptionEndsAtThePeriodsEndWithoutACharge() throws Exception {
        fixture.givenAPublished(started())
                .andThenAPublished(new SubscriptionCancelled(SHOP, start.plus(PERIOD), Actor.system(), start))
                .whenTimeElapses(PERIOD)
                .expectDispatchedCommands(new EndSubscription(BILLING));
        verify(charging, never()).charge(any(), any(), anyLong(), any(), any());
    }

    @Test
    void theSagaEndsWithTheSubscriptionAndForgetsTheBillingKey() {
        fixture.givenAPublished(started())
                .whenPublishingA(new SubscriptionEnded(SHOP, "CANCELLED", start))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        verify(vault).delete("ref-1");
    }
}
