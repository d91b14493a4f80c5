package kr.salonmate.query.audit;

import static kr.salonmate.query.support.ReviewStory.MANAGER;
import static kr.salonmate.query.support.ReviewStory.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.salonmate.messages.billing.BillingId;
import kr.salonmate.messages.billing.ChargeRequested;
import kr.salonmate.messages.billing.PaymentSucceeded;
import kr.salonmate.messages.billing.Plan;
import kr.salonmate.messages.billing.SubscriptionStarted;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.review.AuditAction;
import kr.salonmate.messages.review.AuditChunk;
import kr.salonmate.messages.review.AuditCursor;
import kr.salonmate.messages.review.AuditEntry;
import kr.salonmate.messages.review.FindAuditEntries;
import kr.salonmate.messages.review.ScrollAuditEntries;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.support.ProjectionTest;
import kr.salonmate.query.support.ReviewStory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shop-wide audit trail: filtered by time, person and action, paged, and read in chunks for exports. */
class AuditTrailQueriesTest extends ProjectionTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-02T00:00:00Z");

    private final ShopId shop = ShopId.random();
    private final ReviewStory first = ReviewStory.google(shop, "t-1").at(Instant.parse("2026-11-01T01:00:00Z"));
    private final ReviewStory second = ReviewStory.naver(shop, "t-2").at(Instant.parse("2026-11-01T01:00:30Z"));
    private final ReviewStory lateOne = ReviewStory.google(shop, "t-3").at(Instant.parse("2026-11-01T23:59:00Z"));

    @BeforeEach
    void aDayOfWork() {
        ReviewStory otherShop = ReviewStory.google(ShopId.random(), "t-4").at(Instant.parse("2026-11-01T05:00:00Z"));
        given(first.received(5, "A", "좋아요"), first.draftRequested(null, OWNER), first.drafted("감사합니다"),
                first.edited("정말 감사합니다", MANAGER), first.approved(OWNER), first.published(),
                second.received(1, "B", "별로"), second.draftRequested(null, MANAGER), second.drafted("죄송합니다"),
                second.rejected("tone", MANAGER),
                lateOne.received(3, "C", "보통"), lateOne.draftRequested(null, OWNER), // the second one is past TO
                otherShop.received(4, "D", "다른 가게"));
    }

    @Test
    void theTrailIsNewestFirstWithinTheRangeAndOnlyThisShops() {
        PageResult<AuditEntry> all = find(null, null, 0, 100);

        assertThat(all.total()).isEqualTo(11);
        assertThat(all.items()).extracting(AuditEntry::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(all.items()).allSatisfy(e -> assertThat(e.at()).isBetween(FROM, TO.minusNanos(1)));
        assertThat(all.items().get(0).reviewId()).isEqualTo(lateOne.id());
    }

    @Test
    void filtersByPersonAndActionAndPages() {
        PageResult<AuditEntry> manager = find(MANAGER.userId(), null, 0, 100);
        assertThat(manager.items()).extracting(AuditEntry::action).containsExactly(AuditAction.REJECTED,
                AuditAction.EDITED, AuditAction.DRAFT_REQUESTED);
        assertThat(manager.items()).allSatisfy(e -> assertThat(e.actor()).isEqualTo(MANAGER));

        PageResult<AuditEntry> synced = find(null, AuditAction.SYNCED, 0, 100);
        assertThat(synced.items()).extracting(AuditEntry::reviewId).containsExactly(lateOne.id(), second.id(),
                first.id());

        PageResult<AuditEntry> page = find(null, null, 1, 4);
        assertThat(page.items()).hasSize(4);
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.total()).isEqualTo(11);
        assertThat(page.items()).containsExactlyElementsOf(find(null, null, 0, 100).items().subList(4, 8));
    }

    @Test
    void chunksCoverTheWholeTrailOldestFirstWithNeitherGapsNorRepeats() {
        List<AuditEntry> read = new ArrayList<>();
        AuditCursor after = null;
        int chunks = 0;
        do {
            AuditChunk chunk = query(new ScrollAuditEntries(shop, FROM, TO, null, null, after, 3), AuditChunk.class);
            read.addAll(chunk.items());
            after = chunk.next();
            chunks++;
        } while (after != null);

        assertThat(chunks).isEqualTo(4);
        List<AuditEntry> newestFirst = new ArrayList<>(find(null, null, 0, 100).items());
        java.util.Collections.reverse(newestFirst);
        assertThat(read).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void thePlanAndItsPaymentsStandInTheTrailBesideTheReviewsAndChunksRunOverBoth() {
        Instant tie = Instant.parse("2026-11-01T01:00:00Z"); // the same instant as the first review's entries
        String order = "sm-" + shop.value().toString().replace("-", "") + "-1";
        given(billing(0, new ChargeRequested(shop, order, 29_000, tie, tie.plusSeconds(60), 1, false, "c", "ref",
                        "현대", "5678", tie)),
                billing(1, new PaymentSucceeded(shop, order, "pay-1", 29_000, tie, tie)),
                billing(2, new SubscriptionStarted(shop, Plan.PRO, "c", "ref", "현대", "5678", 29_000, tie,
                        tie.plusSeconds(60), 1000, Instant.parse("2026-11-01T12:00:00Z"))));

        PageResult<AuditEntry> all = find(null, null, 0, 100);
        assertThat(all.total()).isEqualTo(14);
        assertThat(all.items()).extracting(AuditEntry::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
        AuditEntry paid = find(null, AuditAction.PAYMENT_SUCCEEDED, 0, 10).items().get(0);
        assertThat(paid.reviewId()).isNull();
        assertThat(paid.action().isBilling()).isTrue();
        assertThat(paid.detail()).isEqualTo("orderId " + order + ", 29000 KRW");
        assertThat(find(null, AuditAction.PLAN_CHANGED, 0, 10).items()).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("29000 KRW, FREE → PRO"));

        List<AuditEntry> read = new ArrayList<>();
        AuditCursor after = null;
        do {
            AuditChunk chunk = query(new ScrollAuditEntries(shop, FROM, TO, null, null, after, 2), AuditChunk.class);
            read.addAll(chunk.items());
            after = chunk.next();
        } while (after != null);
        List<AuditEntry> newestFirst = new ArrayList<>(all.items());
        java.util.Collections.reverse(newestFirst);
        assertThat(read).containsExactlyElementsOf(newestFirst);
    }

    private static DomainEventMessage<?> billing(long sequence, Object payload) {
        ShopId owner = payload instanceof PaymentSucceeded p ? p.shopId()
                : payload instanceof ChargeRequested c ? c.shopId() : ((SubscriptionStarted) payload).shopId();
        return new GenericDomainEventMessage<>("Billing", BillingId.of(owner).toString(), sequence, payload);
    }

    @SuppressWarnings("unchecked")
    private PageResult<AuditEntry> find(java.util.UUID actor, AuditAction action, int page, int size) {
        return query(new FindAuditEntries(shop, FROM, TO, actor, action, page, size), PageResult.class);
    }
}
