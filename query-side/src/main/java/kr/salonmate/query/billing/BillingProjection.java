package kr.salonmate.query.billing;

import java.sql.Timestamp;
import java.time.Instant;
import kr.salonmate.messages.billing.AiGenerationReturned;
import kr.salonmate.messages.billing.AiGenerationUsed;
import kr.salonmate.messages.billing.AiQuotaExhausted;
import kr.salonmate.messages.billing.AiQuotaRestored;
import kr.salonmate.messages.billing.ChargeRequested;
import kr.salonmate.messages.billing.PaymentFailed;
import kr.salonmate.messages.billing.PaymentSucceeded;
import kr.salonmate.messages.billing.SubscriptionCancelled;
import kr.salonmate.messages.billing.SubscriptionEnded;
import kr.salonmate.messages.billing.SubscriptionPastDue;
import kr.salonmate.messages.billing.SubscriptionRenewed;
import kr.salonmate.messages.billing.SubscriptionStarted;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The billing read model: the shop's plan, period and count ({@code billing_account}), its charges
 * ({@code billing_payment}) and the shop-level billing audit ({@code billing_audit}: plan changes, payments and
 * failures). Every write is guarded by the billing aggregate's sequence number, so a redelivered event changes
 * nothing; a replay rebuilds all three.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
@ProcessingGroup(BillingProjection.GROUP)
public class BillingProjection {

    public static final String GROUP = "billing";

    private final JdbcTemplate jdbc;

    BillingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AiGenerationUsed e, @SequenceNumber long sequence) {
        if (advance(e.shopId(), sequence)) {
            jdbc.update("UPDATE billing_account SET zone = ?, period_start = ?, period_end = ?, ai_used = ?"
                    + " WHERE shop_id = ?", e.zone(), ts(e.periodStart()), ts(e.periodEnd()), e.used(), id(e.shopId()));
        }
    }

    @EventHandler
    void on(AiGenerationReturned e, @SequenceNumber long sequence) {
        if (advance(e.shopId(), sequence)) {
            jdbc.update("UPDATE billing_account SET ai_used = ? WHERE shop_id = ?", e.used(), id(e.shopId()));
        }
    }

    @EventHandler
    void on(AiQuotaExhausted e, @SequenceNumber long sequence) {
        if (advance(e.shopId(), sequence)) {
            jdbc.update("UPDATE billing_account SET quota_exceeded = true WHERE shop_id = ?", id(e.shopId()));
            audit(e.shopId(), sequence, e.at(), "AI_QUOTA_EXHAUSTED", Actor.system(), null, null,
                    "quota " + e.quota());
        }
    }

    @EventHandler
    void on(AiQuotaRestored e, @SequenceNumber long sequence) {
        if (advance(e.shopId(), sequence)) {
            jdbc.update("UPDATE billing_account SET quota_exceeded = false WHERE shop_id = ?", id(e.shopId()));
            audit(e.shopId(), sequence, e.at(), "AI_QUOTA_RESTORED", Actor.system(), null, null,
                    "quota " + e.quota() + ", waiting reviews " + e.waiting().size());
        }
    }

    @EventHandler
    void on(ChargeRequested e, @SequenceNumber long sequence) {
        if (advance(e.shopId(), sequence)) {
            jdbc.update("INSERT INTO billing_payment (order_id, attempt, shop_id, amount, status, occurred_at)"
                            + " VALUES (?, ?, ?, ?, 'PENDING', ?) ON CONFLICT (order_id, attempt) DO NOTHING",
                    e.orderId(), e.attempt(), id(e.shopId()), e.amount(), ts(e.at()));
            audit(e.shopId(), sequence, e.at(), "CHARGE_REQUESTED", Actor.system(), e.orderId(), e.amount(),
                    (e.renewal() ? "renewal" : "subscribe") + ", attempt " + e.attempt());
        }
    }

    @EventHandler
    void on(PaymentSucceeded e, @SequenceNumber long sequence) {
        if (advance(e.shopId(), sequence)) {
            jdbc.update("UPDATE billing_payment SET status = 'DONE', occurred_at = ? WHERE order_id = ?"
                    + " AND status = 'PENDING'", ts(e.at()), e.orderId());
            audit(e.shopId(), sequence, e.at(), "PAYMENT_SUCCEEDED", Actor.system(), e.orderId(), e.amount(), null);
        }
    }

    @EventHandler
    void on(PaymentFailed e, @SequenceNumber long sequence) {
        if (advance(e.shopId(), sequence)) {
            jdbc.update("UPDATE billing_payment SET status = 'FAILED', occurred_at = ?, failure_code = ?,"
                            + " failure_message = ? WHERE order_id = ? AND attempt = ?",
                    ts(e.at()), e.code(), e.message(), e.orderId(), e.attempt());
            audit(e.shopId(), sequence, e.at(), "PAYMENT_FAILED", Actor.system(), e.orderId(), e.amount(),
                    e.code() + ": " + e.message());
        }
    }

    @EventHandler
    void on(SubscriptionStarted e, @SequenceNumber long sequence) {
        if (advance(e.shopId(), sequence)) {
            jdbc.update("UPDATE billing_account SET plan = 'PRO', status = 'ACTIVE', period_start = ?, period_end = ?,"
                            + " ai_used = 0, next_charge_at = ?, card_company = ?, card_last4 = ? WHERE shop_id = ?",
                    ts(e.periodStart()), ts(e.periodEnd()), ts(e.periodEnd()), e.cardCompany(), e.cardLast4(),
                    id(e.shopId()));
            audit(e.shopId(), sequence, e.at(), "PLAN_CHANGED", Actor.system(), null, e.amount(), "FREE → PRO");
        }
    }

    @EventHandler
    void on(SubscriptionRenewed e, @SequenceNumber long sequence) {
        if (advance(e.shopId(), sequence)) {
            jdbc.update("UPDATE billing_account SET status = 'ACTIVE', period_start = ?, period_end = ?, ai_used = 0,"
                    + " next_charge_at = ? WHERE shop_id = ?", ts(e.periodStart()), ts(e.periodEnd()),
                    ts(e.periodEnd()), id(e.shopId()));
            audit(e.shopId(), sequence, e.at(), "RENEWED", Actor.system(), e.orderId(), null, null);
        }
    }

    @EventHandler
    void on(SubscriptionPastDue e, @SequenceNumber long sequence) {
        if (advance(e.shopId(), sequence)) {
            jdbc.update("UPDATE billing_account SET status = 'PAST_DUE', next_charge_at = ? WHERE shop_id = ?",
                    ts(e.retryAt()), id(e.shopId()));
            audit(e.shopId(), sequence, e.at(), "PAST_DUE", Actor.system(), e.orderId(), null, null);
        }
    }

    @EventHandler
    void on(SubscriptionCancelled e, @SequenceNumber long sequence) {
        if (advance(e.shopId(), sequence)) {
            jdbc.update("UPDATE billing_account SET status = 'CANCELLING', next_charge_at = NULL WHERE shop_id = ?",
                    id(e.shopId()));
            audit(e.shopId(), sequence, e.at(), "SUBSCRIPTION_CANCELLED", e.cancelledBy(), null, null,
                    "PRO until " + e.periodEnd());
        }
    }

    @EventHandler
    void on(SubscriptionEnded e, @SequenceNumber long sequence) {
        if (advance(e.shopId(), sequence)) {
            jdbc.update("UPDATE billing_account SET plan = 'FREE', status = 'ACTIVE', period_start = NULL,"
                    + " period_end = NULL, ai_used = 0, next_charge_at = NULL, card_company = NULL, card_last4 = NULL"
                    + " WHERE shop_id = ?", id(e.shopId()));
            audit(e.shopId(), sequence, e.at(), "PLAN_CHANGED", Actor.system(), null, null,
                    "PRO → FREE (" + e.reason() + ")");
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM billing_audit");
        jdbc.update("DELETE FROM billing_payment");
        jdbc.update("DELETE FROM billing_account");
    }

    /** Creates the shop's row when needed; false when this event (by its sequence number) was applied already. */
    private boolean advance(ShopId shopId, long sequence) {
        jdbc.update("INSERT INTO billing_account (shop_id, plan, status, ai_used, quota_exceeded, version)"
                + " VALUES (?, 'FREE', 'ACTIVE', 0, false, -1) ON CONFLICT (shop_id) DO NOTHING", id(shopId));
        return jdbc.update("UPDATE billing_account SET version = ? WHERE shop_id = ? AND version < ?",
                sequence, id(shopId), sequence) == 1;
    }

    private void audit(ShopId shopId, long sequence, Instant at, String action, Actor actor, String orderId,
                       Long amount, String detail) {
        jdbc.update("INSERT INTO billing_audit (shop_id, sequence, occurred_at, action, actor_type, actor_user_id,"
                        + " actor_name, order_id, amount, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (shop_id, sequence) DO NOTHING",
                id(shopId), sequence, ts(at), action, actor.type().name(), actor.userId(), actor.name(), orderId,
                amount, detail);
    }

    private static Object id(ShopId shopId) {
        return shopId.value();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
