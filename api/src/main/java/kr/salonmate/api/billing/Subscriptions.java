package kr.salonmate.api.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.readmodel.ReadModels;
import kr.salonmate.command.billing.PlanSettings;
import kr.salonmate.integration.credentials.CredentialKind;
import kr.salonmate.integration.credentials.CredentialVault;
import kr.salonmate.integration.toss.Charging;
import kr.salonmate.integration.toss.TossBillingKey;
import kr.salonmate.integration.toss.TossPayments;
import kr.salonmate.integration.toss.TossRejected;
import kr.salonmate.integration.toss.TossUnavailable;
import kr.salonmate.messages.billing.BillingId;
import kr.salonmate.messages.billing.BillingView;
import kr.salonmate.messages.billing.CancelSubscription;
import kr.salonmate.messages.billing.FetchBilling;
import kr.salonmate.messages.billing.OrderIds;
import kr.salonmate.messages.billing.Plan;
import kr.salonmate.messages.billing.RecordPayment;
import kr.salonmate.messages.billing.RecordPaymentFailure;
import kr.salonmate.messages.billing.RequestCharge;
import kr.salonmate.messages.billing.SubscriptionStatus;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.billing.BillingProperties;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Subscribe, cancel and the Billing view. Subscribing issues the billing key (kept only in the credential vault),
 * records the first charge's order ({@code RequestCharge}) before Toss is asked, charges it through
 * {@link Charging} (one order id per shop and period, also the Idempotency-Key) and reports what Toss said. A
 * declined card answers {@code 402 PAYMENT_FAILED} and leaves the plan as it was; when Toss's answer is lost the
 * order stays pending and is settled by Toss's webhook (re-read from Toss) — never charged a second time.
 */
@Service
public class Subscriptions {

    static final String ORDER_NAME = "SalonMate PRO";
    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModels readModels;
    private final TossPayments toss;
    private final Charging charging;
    private final CredentialVault vault;
    private final PlanSettings plans;
    private final BillingProperties billing;
    private final Clock clock;

    public Subscriptions(CommandGateway commands, QueryGateway queries, ReadModels readModels, TossPayments toss,
                         Charging charging, CredentialVault vault, PlanSettings plans, BillingProperties billing,
                         Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readModels = readModels;
        this.toss = toss;
        this.charging = charging;
        this.vault = vault;
        this.plans = plans;
        this.billing = billing;
        this.clock = clock;
    }

    public BillingResponse view(ShopId shopId) {
        return respond(shopId, fetch(shopId));
    }

    public BillingResponse subscribe(ShopId shopId, String customerKey, String authKey) {
        if (!toss.configured()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                    "Payments are not configured on this server");
        }
        BillingView current = fetch(shopId);
        if (current != null && current.plan() == Plan.PRO) {
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "The shop is already on the PRO plan");
        }
        TossBillingKey key;
        try {
            key = toss.issueBillingKey(authKey, customerKey);
        } catch (TossRejected rejected) {
            throw paymentFailed(rejected.code(), rejected.getMessage());
        } catch (TossUnavailable unavailable) {
            throw upstream(unavailable.getMessage());
        }
        String zone = zoneOf(shopId);
        String billingKeyRef = vault.store(shopId, CredentialKind.TOSS_BILLING_KEY, key.billingKey());
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String orderId = OrderIds.of(shopId, start);
        long amount = plans.proPriceKrw();
        BillingId billingId = BillingId.of(shopId);
        try {
            commands.sendAndWait(new RequestCharge(billingId, shopId, zone, orderId, amount, start,
                    billing.periodEnd(start, zone), 1, false, customerKey, billingKeyRef,
                    new RequestCharge.Card(key.cardCompany(), key.cardLast4())));
        } catch (RuntimeException refused) {
            vault.delete(billingKeyRef);
            throw refused;
        }
        Charging.Outcome outcome = charging.charge(key.billingKey(), customerKey, amount, orderId, ORDER_NAME);
        if (outcome instanceof Charging.Outcome.Paid paid) {
            commands.sendAndWait(new RecordPayment(billingId, orderId, paid.payment().paymentKey(),
                    paid.payment().totalAmount(), paid.payment().approvedAt()));
            return respond(shopId, await(shopId, view -> view.plan() == Plan.PRO && hasPayment(view, orderId)));
        }
        if (outcome instanceof Charging.Outcome.Declined declined) {
            commands.sendAndWait(new RecordPaymentFailure(billingId, orderId, declined.code(), declined.message(),
                    false, null));
            vault.delete(billingKeyRef);
            throw paymentFailed(declined.code(), declined.message());
        }
        log.warn("The first charge {} of shop {} has no known outcome; Toss's webhook settles it", orderId, shopId);
        throw upstream("Toss did not confirm the payment; it is settled as soon as Toss does. Nothing is charged twice.");
    }

    public BillingResponse cancel(ShopId shopId, Actor actor) {
        BillingView current = fetch(shopId);
        if (current == null || current.plan() != Plan.PRO) {
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "The shop has no PRO subscription to cancel");
        }
        commands.sendAndWait(new CancelSubscription(BillingId.of(shopId), actor));
        return respond(shopId, await(shopId, view -> view.status() == SubscriptionStatus.CANCELLING
                || view.plan() == Plan.FREE));
    }

    private BillingView fetch(ShopId shopId) {
        return queries.query(new FetchBilling(shopId), ResponseTypes.optionalInstanceOf(BillingView.class)).join()
                .orElse(null);
    }

    /** The read model catches up with the command just sent (a few ms); gives up after 5 s with what it has. */
    private BillingView await(ShopId shopId, Predicate<BillingView> done) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        BillingView view = fetch(shopId);
        while ((view == null || !done.test(view)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            view = fetch(shopId);
        }
        return view;
    }

    private static boolean hasPayment(BillingView view, String orderId) {
        return view.payments().stream().anyMatch(p -> p.orderId().equals(orderId) && "DONE".equals(p.status()));
    }

    private BillingResponse respond(ShopId shopId, BillingView view) {
        Plan plan = view == null ? Plan.FREE : view.plan();
        SubscriptionStatus status = view == null ? SubscriptionStatus.ACTIVE : view.status();
        Instant periodStart;
        Instant periodEnd;
        int used;
        if (plan == Plan.PRO) {
            periodStart = view.periodStart();
            periodEnd = view.periodEnd();
            used = view.aiUsed();
        } else {
            // the FREE month is the calendar month in the shop's time zone; a count of an earlier month is over
            ZoneId zone = ZoneId.of(zoneOf(shopId));
            LocalDate first = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1);
            periodStart = first.atStartOfDay(zone).toInstant();
            periodEnd = first.plusMonths(1).atStartOfDay(zone).toInstant();
            used = view != null && periodStart.equals(view.periodStart()) ? view.aiUsed() : 0;
        }
        int quota = plan == Plan.PRO ? plans.proAiQuota() : plans.freeAiQuota();
        BillingResponse.Card card = plan == Plan.PRO && view.cardLast4() != null
                ? new BillingResponse.Card(view.cardCompany(), view.cardLast4()) : null;
        Instant nextChargeAt = plan == Plan.PRO && status != SubscriptionStatus.CANCELLING ? view.nextChargeAt() : null;
        List<BillingResponse.Payment> payments = view == null ? List.of() : view.payments().stream()
                .map(p -> new BillingResponse.Payment(p.orderId(), p.amount(), p.status(), p.at(),
                        p.failureCode() == null ? null : new BillingResponse.Failure(p.failureCode(),
                                p.failureMessage())))
                .toList();
        return new BillingResponse(plan.name(), status.name(), quota, used, periodStart,
                periodEnd, nextChargeAt, card, payments);
    }

    private String zoneOf(ShopId shopId) {
        return readModels.shop(shopId).map(ShopView::timezone).orElse("Asia/Seoul");
    }

    private static ApiException paymentFailed(String code, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", code);
        details.put("message", message);
        return new ApiException(HttpStatus.PAYMENT_REQUIRED, "PAYMENT_FAILED", "The card was refused: " + message,
                details);
    }

    private static ApiException upstream(String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE", message);
    }
}
