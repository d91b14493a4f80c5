package kr.salonmate.query.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.billing.AiGenerationUsed;
import kr.salonmate.messages.billing.AiQuotaExhausted;
import kr.salonmate.messages.billing.AiQuotaRestored;
import kr.salonmate.messages.billing.BillingId;
import kr.salonmate.messages.billing.BillingView;
import kr.salonmate.messages.billing.ChargeRequested;
import kr.salonmate.messages.billing.FetchBilling;
import kr.salonmate.messages.billing.PaymentFailed;
import kr.salonmate.messages.billing.PaymentSucceeded;
import kr.salonmate.messages.billing.Plan;
import kr.salonmate.messages.billing.SubscriptionEnded;
import kr.salonmate.messages.billing.SubscriptionStarted;
import kr.salonmate.messages.billing.SubscriptionStatus;
import kr.salonmate.messages.review.DashboardView;
import kr.salonmate.messages.review.FetchDashboard;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.support.ProjectionTest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The billing read model, the billing audit and the dashboard's quotaExceeded, from billing events. */
class BillingProjectionTest extends ProjectionTest {

    @Autowired
    private BillingProjection projection;

    static final Instant AT = Instant.parse("2026-11-27T03:15:00Z");
    static final Instant MONTH_START = Instant.parse("2026-10-31T15:00:00Z");
    static final Instant MONTH_END = Instant.parse("2026-11-30T15:00:00Z");

    @Test
    void theQuotaThePlanAndEveryChargeShowAndARedeliveryChangesNothing() {
        ShopId shop = ShopId.random();
        String order = "sm-" + shop.value().toString().replace("-", "") + "-1795748100";
        DomainEventMessage<?>[] events = {
                event(shop, 0, new AiGenerationUsed(shop, "REPLY", UUID.randomUUID(), true, "Asia/Seoul", MONTH_START,
                        MONTH_END, 1, 1, AT)),
                event(shop, 1, new AiQuotaExhausted(shop, MONTH_END, 1, AT)),
                event(shop, 2, new ChargeRequested(shop, order, 29_000, AT, AT.plusSeconds(2_592_000), 1, false,
                        "c", "ref", "현대", "5678", AT)),
                event(shop, 3, new PaymentFailed(shop, order, 29_000, "REJECT_CARD_COMPANY", "거절", 1, false, AT)),
        };
        given(events);
        BillingView free = query(new FetchBilling(shop), BillingView.class);
        assertThat(free.plan()).isEqualTo(Plan.FREE);
        assertThat(free.aiUsed()).isEqualTo(1);
        assertThat(free.periodStart()).isEqualTo(MONTH_START);
        assertThat(free.quotaExceeded()).isTrue();
        assertThat(free.payments()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo("FAILED");
            assertThat(p.failureCode()).isEqualTo("REJECT_CARD_COMPANY");
        });
        assertThat(query(new FetchDashboard(shop), DashboardView.class).quotaExceeded()).isTrue();

        String paidOrder = order.replace("-1795748100", "-1795748200");
        given(event(shop, 4, new ChargeRequested(shop, paidOrder, 29_000, AT, AT.plusSeconds(60), 1, false, "c",
                        "ref", "현대", "5678", AT)),
                event(shop, 5, new PaymentSucceeded(shop, paidOrder, "pay-1", 29_000, AT, AT)),
                event(shop, 6, new SubscriptionStarted(shop, Plan.PRO, "c", "ref", "현대", "5678", 29_000, AT,
                        AT.plusSeconds(60), 1000, AT)),
                event(shop, 7, new AiQuotaRestored(shop, List.of(), 1000, AT)));
        BillingView pro = query(new FetchBilling(shop), BillingView.class);
        assertThat(pro.plan()).isEqualTo(Plan.PRO);
        assertThat(pro.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(pro.aiUsed()).isZero();
        assertThat(pro.cardLast4()).isEqualTo("5678");
        assertThat(pro.nextChargeAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(pro.quotaExceeded()).isFalse();
        assertThat(pro.payments()).extracting(BillingView.Payment::status).containsExactlyInAnyOrder("DONE", "FAILED");
        assertThat(query(new FetchDashboard(shop), DashboardView.class).quotaExceeded()).isFalse();

        // an event handled again (redelivered after a lost token update) changes nothing and doubles nothing
        transactions.executeWithoutResult(status -> {
            projection.on(new PaymentFailed(shop, order, 29_000, "REJECT_CARD_COMPANY", "거절", 1, false, AT), 3);
            projection.on(new PaymentSucceeded(shop, paidOrder, "pay-1", 29_000, AT, AT), 5);
        });
        assertThat(query(new FetchBilling(shop), BillingView.class).payments()).hasSize(2);
        given(event(shop, 8, new SubscriptionEnded(shop, "CANCELLED", AT.plusSeconds(60))));
        List<String> audit = jdbc.queryForList("SELECT action FROM billing_audit WHERE shop_id = ? ORDER BY sequence",
                String.class, shop.value());
        assertThat(audit).containsExactly("AI_QUOTA_EXHAUSTED", "CHARGE_REQUESTED", "PAYMENT_FAILED",
                "CHARGE_REQUESTED", "PAYMENT_SUCCEEDED", "PLAN_CHANGED", "AI_QUOTA_RESTORED", "PLAN_CHANGED");
        assertThat(query(new FetchBilling(shop), BillingView.class).plan()).isEqualTo(Plan.FREE);
    }

    private static DomainEventMessage<?> event(ShopId shop, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Billing", BillingId.of(shop).toString(), sequence, payload);
    }
}
