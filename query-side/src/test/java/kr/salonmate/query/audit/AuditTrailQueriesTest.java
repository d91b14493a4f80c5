package kr.salonmate.query.audit;

import static kr.salonmate.query.support.ReviewStory.MANAGER;
import static kr.salonmate.query.support.ReviewStory.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    @SuppressWarnings("unchecked")
    private PageResult<AuditEntry> find(java.util.UUID actor, AuditAction action, int page, int size) {
        return query(new FindAuditEntries(shop, FROM, TO, actor, action, page, size), PageResult.class);
    }
}
