package kr.salonmate.command.billing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import kr.salonmate.command.CommandSideModule;
import kr.salonmate.messages.billing.AiGenerationReturned;
import kr.salonmate.messages.billing.AiGenerationUsed;
import kr.salonmate.messages.billing.AiQuotaExhausted;
import kr.salonmate.messages.billing.AiQuotaRestored;
import kr.salonmate.messages.billing.AutoDraftPaused;
import kr.salonmate.messages.billing.BillingId;
import kr.salonmate.messages.billing.CancelSubscription;
import kr.salonmate.messages.billing.ChargeRequested;
import kr.salonmate.messages.billing.EndSubscription;
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
import kr.salonmate.messages.billing.SubscriptionStatus;
import kr.salonmate.messages.billing.UseAiGeneration;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.shop.ShopId;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * A shop's plan, its AI quota and what it paid. Every AI generation is taken here first, so the count is exact
 * across nodes and after any replay: two requests for the last generation of a period reach this one aggregate, and
 * the event store's optimistic locking lets only one of them append. Toss is never called from here: the caller
 * records the charge it is about to make ({@code RequestCharge}), calls Toss with that order id, and reports the
 * answer ({@code RecordPayment}/{@code RecordPaymentFailure}); only an answer about the order being charged counts,
 * and only once.
 *
 * <p>Every generation appends an {@code AiGenerationUsed} here, so the stream grows with the shop's use of AI: it is
 * loaded from a snapshot ({@link BillingSnapshotting}); its fields are the snapshot, hence the Jackson field
 * visibility, and the revision changes whenever they do (a snapshot of another revision is ignored).
 */
@Revision("1")
@Aggregate(snapshotTriggerDefinition = BillingSnapshotting.TRIGGER)
@ConditionalOnBooleanProperty(name = CommandSideModule.ENABLED_PROPERTY, matchIfMissing = true)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
class Billing {

    static final String QUOTA_PERIOD_END = "quota-period-end";
    /** How long a first charge whose outcome is unknown blocks another subscribe (a webhook settles it before). */
    static final java.time.Duration FIRST_CHARGE_SETTLES = java.time.Duration.ofMinutes(10);
    private static final String DEFAULT_ZONE = "Asia/Seoul";

    @AggregateIdentifier
    private BillingId id;
    private ShopId shopId;
    private String zone;

    private Plan plan = Plan.FREE;
    private SubscriptionStatus status = SubscriptionStatus.ACTIVE;
    /** The paid period (PRO only). */
    private Instant paidFrom;
    private Instant paidUntil;

    /** The quota period the count belongs to; null: none started yet. */
    private Instant periodStart;
    private int used;
    private int lastQuota;
    private boolean exhausted;
    private final Set<UUID> takenThisPeriod = new HashSet<>();
    private final List<Waiting> waiting = new ArrayList<>();

    private String pendingOrderId;
    private long pendingAmount;
    private boolean pendingRenewal;
    private int pendingAttempt;
    private Instant pendingFrom;
    private Instant pendingUntil;
    private Instant pendingRequestedAt;
    private String pendingCustomerKey;
    private String pendingBillingKeyRef;
    private String pendingCardCompany;
    private String pendingCardLast4;
    private final Set<String> paidOrders = new HashSet<>();

    private record Waiting(ReviewId reviewId, Instant createdAt) {
    }

    /** The payload of the {@value #QUOTA_PERIOD_END} deadline. */
    record QuotaPeriodEnd(Instant end) {
    }

    private record Period(Instant start, Instant end, int quota) {
    }

    Billing() {
        // for Axon
    }

    // --- the AI quota --------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(UseAiGeneration cmd, PlanSettings plans, Clock clock, DeadlineManager deadlines) {
        Instant now = clock.instant();
        String shopZone = cmd.zone() != null ? cmd.zone() : zoneOrDefault();
        Period period = currentPeriod(now, shopZone, plans);
        boolean newPeriod = !period.start().equals(periodStart);
        if (newPeriod && shopId != null && (exhausted || !waiting.isEmpty())) {
            apply(new AiQuotaRestored(shopId, waitingOldestFirst(), period.quota(), now));
        }
        int usedNow = newPeriod ? 0 : used;
        if (cmd.automatic() && !newPeriod && takenThisPeriod.contains(cmd.subjectId())) {
            return true; // the same review asked again (a redelivered event): it has its generation already
        }
        if (usedNow >= period.quota()) {
            if (!cmd.automatic()) {
                throw new QuotaExceeded();
            }
            ReviewId review = new ReviewId(cmd.subjectId());
            if (waiting.stream().noneMatch(w -> w.reviewId().equals(review))) {
                apply(new AutoDraftPaused(cmd.shopId(), review, cmd.subjectCreatedAt(), now));
            }
            return false;
        }
        apply(new AiGenerationUsed(cmd.shopId(), cmd.purpose(), cmd.subjectId(), cmd.automatic(), shopZone,
                period.start(), period.end(), usedNow + 1, period.quota(), now));
        if (usedNow + 1 >= period.quota()) {
            apply(new AiQuotaExhausted(shopId, period.end(), period.quota(), now));
            if (plan == Plan.FREE) {
                // a new calendar month gives the waiting reviews their turn; PRO's comes with the renewal's payment
                deadlines.schedule(period.end(), QUOTA_PERIOD_END, new QuotaPeriodEnd(period.end()));
            }
        }
        return true;
    }

    @CommandHandler
    void handle(ReturnAiGeneration cmd, Clock clock) {
        if (!takenThisPeriod.contains(cmd.subjectId()) || used == 0) {
            return; // taken in an earlier period, or returned already
        }
        Instant now = clock.instant();
        boolean wasExhausted = exhausted;
        apply(new AiGenerationReturned(shopId, cmd.subjectId(), periodStart, used - 1, lastQuota, now));
        if (wasExhausted) {
            apply(new AiQuotaRestored(shopId, waitingOldestFirst(), lastQuota, now));
        }
    }

    @DeadlineHandler(deadlineName = QUOTA_PERIOD_END)
    void on(QuotaPeriodEnd due, PlanSettings plans, Clock clock) {
        // a deadline may run a little early by this node's clock: the period it was set for has ended
        Instant now = clock.instant().isBefore(due.end()) ? due.end() : clock.instant();
        Period period = currentPeriod(now, zoneOrDefault(), plans);
        if (!period.start().equals(periodStart) && (exhausted || !waiting.isEmpty())) {
            apply(new AiQuotaRestored(shopId, waitingOldestFirst(), period.quota(), now));
        }
    }

    // --- the subscription ----------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestCharge cmd, Clock clock) {
        if (paidOrders.contains(cmd.orderId())) {
            return; // that period is paid: never charge it again
        }
        if (!cmd.renewal() && plan == Plan.PRO) {
            throw new AlreadySubscribed();
        }
        Instant now = clock.instant();
        if (!cmd.renewal() && pendingOrderId != null && !pendingOrderId.equals(cmd.orderId())
                && pendingRequestedAt.plus(FIRST_CHARGE_SETTLES).isAfter(now)) {
            // another subscribe is being charged: a second order now could leave the first one paid but not counted
            throw new ChargeInProgress();
        }
        if (cmd.renewal() && plan != Plan.PRO) {
            throw new NotSubscribed();
        }
        RequestCharge.Card card = cmd.card();
        apply(new ChargeRequested(cmd.shopId(), cmd.orderId(), cmd.amount(), cmd.periodStart(), cmd.periodEnd(),
                cmd.attempt(), cmd.renewal(), cmd.customerKey(), cmd.billingKeyRef(),
                card == null ? null : card.company(), card == null ? null : card.last4(), now));
    }

    @CommandHandler
    void handle(RecordPayment cmd, PlanSettings plans, Clock clock) {
        if (!isBeingCharged(cmd.orderId()) || cmd.amount() != pendingAmount) {
            return; // not the order being charged, paid already, or not what we asked for
        }
        Instant now = clock.instant();
        apply(new PaymentSucceeded(shopId, cmd.orderId(), cmd.paymentKey(), cmd.amount(), cmd.approvedAt(), now));
        if (pendingRenewal) {
            apply(new SubscriptionRenewed(shopId, cmd.orderId(), pendingFrom, pendingUntil, plans.proAiQuota(), now));
        } else {
            apply(new SubscriptionStarted(shopId, Plan.PRO, pendingCustomerKey, pendingBillingKeyRef,
                    pendingCardCompany, pendingCardLast4, cmd.amount(), pendingFrom, pendingUntil, plans.proAiQuota(),
                    now));
        }
        if (exhausted || !waiting.isEmpty()) {
            apply(new AiQuotaRestored(shopId, waitingOldestFirst(), plans.proAiQuota(), now));
        }
    }

    @CommandHandler
    void handle(RecordPaymentFailure cmd, PlanSettings plans, Clock clock) {
        if (!isBeingCharged(cmd.orderId())) {
            return;
        }
        Instant now = clock.instant();
        boolean renewal = pendingRenewal;
        apply(new PaymentFailed(shopId, cmd.orderId(), pendingAmount, cmd.code(), cmd.message(), pendingAttempt,
                renewal, now));
        if (!renewal) {
            return; // a declined card at subscribe leaves the plan as it was
        }
        if (cmd.lastAttempt()) {
            endSubscription("PAYMENT_FAILED", plans, now);
        } else {
            apply(new SubscriptionPastDue(shopId, cmd.orderId(), cmd.retryAt(), now));
        }
    }

    @CommandHandler
    void handle(CancelSubscription cmd, PlanSettings plans, Clock clock) {
        if (plan != Plan.PRO || status == SubscriptionStatus.CANCELLING) {
            throw new NotSubscribed();
        }
        Instant now = clock.instant();
        apply(new SubscriptionCancelled(shopId, paidUntil, cmd.cancelledBy(), now));
        if (!paidUntil.isAfter(now)) {
            endSubscription("CANCELLED", plans, now); // past due: the paid period is over already
        }
    }

    @CommandHandler
    void handle(EndSubscription cmd, PlanSettings plans, Clock clock) {
        if (plan == Plan.PRO && status == SubscriptionStatus.CANCELLING) {
            endSubscription("CANCELLED", plans, clock.instant());
        }
    }

    private void endSubscription(String reason, PlanSettings plans, Instant now) {
        apply(new SubscriptionEnded(shopId, reason, now));
        // FREE starts with this calendar month's quota: reviews that waited get their turn
        if (exhausted || !waiting.isEmpty()) {
            apply(new AiQuotaRestored(shopId, waitingOldestFirst(), plans.freeAiQuota(), now));
        }
    }

    private boolean isBeingCharged(String orderId) {
        return orderId != null && orderId.equals(pendingOrderId) && !paidOrders.contains(orderId);
    }

    private Period currentPeriod(Instant now, String shopZone, PlanSettings plans) {
        if (plan == Plan.PRO) {
            // a PRO period lasts until its renewal is paid (or the plan ends), however late that is
            return new Period(paidFrom, paidUntil, plans.proAiQuota());
        }
        ZoneId zoneId = ZoneId.of(shopZone);
        LocalDate first = LocalDate.ofInstant(now, zoneId).withDayOfMonth(1);
        return new Period(first.atStartOfDay(zoneId).toInstant(), first.plusMonths(1).atStartOfDay(zoneId).toInstant(),
                plans.freeAiQuota());
    }


    private String zoneOrDefault() {
        return zone != null ? zone : DEFAULT_ZONE;
    }

    private List<ReviewId> waitingOldestFirst() {
        return waiting.stream()
                .sorted(Comparator.comparing(Waiting::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(Waiting::reviewId).toList();
    }

    // --- state ---------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(AiGenerationUsed e) {
        initialise(e.shopId());
        zone = e.zone();
        if (!e.periodStart().equals(periodStart)) {
            periodStart = e.periodStart();
            takenThisPeriod.clear();
        }
        used = e.used();
        lastQuota = e.quota();
        takenThisPeriod.add(e.subjectId());
    }

    @EventSourcingHandler
    void on(AiGenerationReturned e) {
        used = e.used();
        takenThisPeriod.remove(e.subjectId());
    }

    @EventSourcingHandler
    void on(AiQuotaExhausted e) {
        exhausted = true;
    }

    @EventSourcingHandler
    void on(AutoDraftPaused e) {
        initialise(e.shopId());
        waiting.add(new Waiting(e.reviewId(), e.reviewCreatedAt()));
    }

    @EventSourcingHandler
    void on(AiQuotaRestored e) {
        exhausted = false;
        waiting.clear();
    }

    @EventSourcingHandler
    void on(ChargeRequested e) {
        initialise(e.shopId());
        pendingOrderId = e.orderId();
        pendingAmount = e.amount();
        pendingRenewal = e.renewal();
        pendingAttempt = e.attempt();
        pendingFrom = e.periodStart();
        pendingUntil = e.periodEnd();
        pendingRequestedAt = e.at();
        pendingCustomerKey = e.customerKey();
        pendingBillingKeyRef = e.billingKeyRef();
        pendingCardCompany = e.cardCompany();
        pendingCardLast4 = e.cardLast4();
    }

    @EventSourcingHandler
    void on(PaymentSucceeded e) {
        paidOrders.add(e.orderId());
        pendingOrderId = null;
    }

    @EventSourcingHandler
    void on(PaymentFailed e) {
        pendingOrderId = null;
    }

    @EventSourcingHandler
    void on(SubscriptionStarted e) {
        plan = Plan.PRO;
        status = SubscriptionStatus.ACTIVE;
        startPaidPeriod(e.periodStart(), e.periodEnd(), e.aiQuota());
    }

    @EventSourcingHandler
    void on(SubscriptionRenewed e) {
        status = SubscriptionStatus.ACTIVE;
        startPaidPeriod(e.periodStart(), e.periodEnd(), e.aiQuota());
    }

    @EventSourcingHandler
    void on(SubscriptionPastDue e) {
        status = SubscriptionStatus.PAST_DUE;
    }

    @EventSourcingHandler
    void on(SubscriptionCancelled e) {
        status = SubscriptionStatus.CANCELLING;
    }

    @EventSourcingHandler
    void on(SubscriptionEnded e) {
        plan = Plan.FREE;
        status = SubscriptionStatus.ACTIVE;
        paidFrom = null;
        paidUntil = null;
        periodStart = null; // the FREE month starts afresh
        used = 0;
        takenThisPeriod.clear();
    }

    private void startPaidPeriod(Instant from, Instant until, int quota) {
        paidFrom = from;
        paidUntil = until;
        periodStart = from;
        used = 0;
        lastQuota = quota;
        takenThisPeriod.clear();
    }

    private void initialise(ShopId shop) {
        if (id == null) {
            id = BillingId.of(Objects.requireNonNull(shop, "shopId"));
            shopId = shop;
        }
    }
}
