package kr.salonmate.saga.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import kr.salonmate.integration.credentials.CredentialVault;
import kr.salonmate.integration.toss.Charging;
import kr.salonmate.messages.billing.BillingId;
import kr.salonmate.messages.billing.EndSubscription;
import kr.salonmate.messages.billing.OrderIds;
import kr.salonmate.messages.billing.RecordPayment;
import kr.salonmate.messages.billing.RecordPaymentFailure;
import kr.salonmate.messages.billing.RequestCharge;
import kr.salonmate.messages.billing.SubscriptionCancelled;
import kr.salonmate.messages.billing.SubscriptionEnded;
import kr.salonmate.messages.billing.SubscriptionRenewed;
import kr.salonmate.messages.billing.SubscriptionStarted;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.SagaModule;
import kr.salonmate.saga.common.Dispatch;
import kr.salonmate.saga.common.SagaDeadline;
import kr.salonmate.saga.shop.ShopLookup;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Renews one PRO subscription for as long as it lasts. At the end of each paid period a persistent deadline
 * ({@value #RENEWAL_DEADLINE}) records the charge ({@code RequestCharge}, order id {@code OrderIds.of(shop, period
 * start)}), charges it through {@link Charging} and reports the outcome. A declined card makes the plan PAST_DUE and
 * is tried again after each of {@code salonmate.billing.retry-delays}; after the last failure the shop falls back to
 * FREE. When Toss does not answer, the same order is tried again after {@code upstream-retry} (not a card failure).
 * A cancelled subscription is not charged again: its deadline ends it instead. The saga ends with the subscription.
 */
@Saga
@ProcessingGroup("subscription-renewal")
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
public class SubscriptionRenewal {

    static final String RENEWAL_DEADLINE = "subscription-renewal";
    private static final SagaDeadline RENEWAL = new SagaDeadline(RENEWAL_DEADLINE);
    private static final Logger log = LoggerFactory.getLogger(SubscriptionRenewal.class);

    @JsonProperty
    private ShopId shopId;
    @JsonProperty
    private String zone;
    @JsonProperty
    private String customerKey;
    @JsonProperty
    private String billingKeyRef;
    @JsonProperty
    private long amount;
    @JsonProperty
    private Instant periodEnd;
    @JsonProperty
    private int failures;
    @JsonProperty
    private boolean cancelling;
    @JsonProperty
    private String scheduleId;

    public SubscriptionRenewal() {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "shopId")
    public void on(SubscriptionStarted started, DeadlineManager deadlines, QueryGateway queries) {
        shopId = started.shopId();
        customerKey = started.customerKey();
        billingKeyRef = started.billingKeyRef();
        amount = started.amount();
        periodEnd = started.periodEnd();
        ShopView shop = ShopLookup.find(queries, shopId);
        zone = shop == null ? null : shop.timezone();
        schedule(deadlines, periodEnd);
    }

    @SagaEventHandler(associationProperty = "shopId")
    public void on(SubscriptionRenewed renewed, DeadlineManager deadlines) {
        periodEnd = renewed.periodEnd();
        failures = 0;
        schedule(deadlines, periodEnd);
    }

    @SagaEventHandler(associationProperty = "shopId")
    public void on(SubscriptionCancelled cancelled) {
        cancelling = true; // the deadline at the period's end now ends the subscription instead of charging
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "shopId")
    public void on(SubscriptionEnded ended, DeadlineManager deadlines, CredentialVault vault) {
        cancelSchedule(deadlines);
        if (billingKeyRef != null) {
            vault.delete(billingKeyRef); // a FREE shop keeps no way to charge its card
        }
    }

    @DeadlineHandler(deadlineName = RENEWAL_DEADLINE)
    public void on(RenewalDue due, @Timestamp Instant dueAt, CommandGateway commands, DeadlineManager deadlines,
                   Charging charging, CredentialVault vault, BillingProperties settings) {
        scheduleId = null; // this one has fired
        BillingId billing = BillingId.of(shopId);
        // a deadline message is stamped with the time it was due; it may run later (a node was down), never earlier
        Instant now = Instant.now().isAfter(dueAt) ? Instant.now() : dueAt;
        if (cancelling) {
            if (Dispatch.send(commands, new EndSubscription(billing), log) == Dispatch.Result.FAILED) {
                schedule(deadlines, now.plus(settings.upstreamRetry()));
            }
            return;
        }
        String orderId = OrderIds.of(shopId, periodEnd);
        Instant nextEnd = settings.periodEnd(periodEnd, zone);
        int attempt = failures + 1;
        switch (Dispatch.send(commands, new RequestCharge(billing, shopId, zone, orderId, amount, periodEnd, nextEnd,
                attempt, true, customerKey, billingKeyRef, null), log)) {
            case REJECTED -> {
                log.info("Shop {} is no longer PRO: nothing to renew", shopId);
                SagaLifecycle.end();
                return;
            }
            case FAILED -> {
                schedule(deadlines, now.plus(settings.upstreamRetry()));
                return;
            }
            case ACCEPTED -> {
            }
        }
        Charging.Outcome outcome = charging.charge(vault.reveal(billingKeyRef), customerKey, amount, orderId,
                "SalonMate PRO");
        if (outcome instanceof Charging.Outcome.Paid paid) {
            if (Dispatch.send(commands, new RecordPayment(billing, orderId, paid.payment().paymentKey(),
                    paid.payment().totalAmount(), paid.payment().approvedAt()), log) == Dispatch.Result.FAILED) {
                schedule(deadlines, now.plus(settings.upstreamRetry())); // charged once; asking again is free
            }
            // SubscriptionRenewed schedules the next period
        } else if (outcome instanceof Charging.Outcome.Declined declined) {
            failures++;
            List<Duration> delays = settings.retryDelayList();
            boolean last = failures > delays.size();
            Instant retryAt = last ? null : now.plus(delays.get(failures - 1));
            log.warn("Renewal {} of shop {} declined ({}); {}", orderId, shopId, declined.code(),
                    last ? "falling back to FREE" : "trying again at " + retryAt);
            Dispatch.send(commands, new RecordPaymentFailure(billing, orderId, declined.code(), declined.message(),
                    last, retryAt), log);
            if (!last) {
                schedule(deadlines, retryAt);
            }
        } else if (outcome instanceof Charging.Outcome.Unknown unknown) {
            log.warn("Renewal {} of shop {}: Toss did not answer ({}); asking again later", orderId, shopId,
                    unknown.problem());
            schedule(deadlines, now.plus(settings.upstreamRetry()));
        }
    }

    private void schedule(DeadlineManager deadlines, Instant at) {
        scheduleId = RENEWAL.schedule(deadlines, scheduleId, at, new RenewalDue(OrderIds.of(shopId, periodEnd)));
    }

    private void cancelSchedule(DeadlineManager deadlines) {
        scheduleId = RENEWAL.cancel(deadlines, scheduleId);
    }
}
