package kr.salonmate.query.audit;

import static kr.salonmate.query.support.ReviewStory.MANAGER;
import static kr.salonmate.query.support.ReviewStory.MODEL;
import static kr.salonmate.query.support.ReviewStory.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.common.ActorType;
import kr.salonmate.messages.review.AuditAction;
import kr.salonmate.messages.review.AuditEntry;
import kr.salonmate.messages.review.FetchReviewHistory;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.support.ProjectionTest;
import kr.salonmate.query.support.ReviewStory;
import org.junit.jupiter.api.Test;

class ReplyAuditProjectionTest extends ProjectionTest {

    private final ShopId shop = ShopId.random();

    @Test
    void aFullLoopLeavesOneEntryPerEventWithItsActorAndTexts() {
        ReviewStory review = ReviewStory.google(shop, "a-1");
        given(review.received(4, "민지", "좋아요"), review.draftRequested("더 짧게", MANAGER),
                review.drafted("방문해 주셔서 감사합니다!"), review.edited("감사합니다!", MANAGER),
                review.approved(OWNER), review.publishFailed("UNAVAILABLE", "503 from Google"),
                review.publishRetried(MANAGER), review.published());

        List<AuditEntry> history = history(review);

        assertThat(history).extracting(AuditEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(history).allSatisfy(entry -> assertThat(entry.reviewId()).isEqualTo(review.id()));
        assertThat(history).extracting(AuditEntry::action, entry -> entry.actor().type(), AuditEntry::text,
                        AuditEntry::previousText)
                .containsExactly(
                        tuple(AuditAction.SYNCED, ActorType.SYSTEM, "좋아요", null),
                        tuple(AuditAction.DRAFT_REQUESTED, ActorType.USER, null, null),
                        tuple(AuditAction.DRAFTED, ActorType.AI, "방문해 주셔서 감사합니다!", null),
                        tuple(AuditAction.EDITED, ActorType.USER, "감사합니다!", "방문해 주셔서 감사합니다!"),
                        tuple(AuditAction.APPROVED, ActorType.USER, "감사합니다!", null),
                        tuple(AuditAction.PUBLISH_FAILED, ActorType.SYSTEM, null, null),
                        tuple(AuditAction.APPROVED, ActorType.USER, "감사합니다!", null),
                        tuple(AuditAction.PUBLISHED, ActorType.SYSTEM, "감사합니다!", null));
        assertThat(history.get(0).detail()).isEqualTo("★4");
        assertThat(history.get(1).actor()).isEqualTo(MANAGER);
        assertThat(history.get(1).detail()).isEqualTo("더 짧게");
        assertThat(history.get(2).actor()).isEqualTo(Actor.ai(MODEL));
        assertThat(history.get(2).model()).isEqualTo(MODEL);
        assertThat(history.get(2).detail()).contains("v3").contains("120").contains("45");
        assertThat(history.get(3).actor()).isEqualTo(MANAGER);
        assertThat(history.get(4).actor()).isEqualTo(OWNER);
        assertThat(history.get(5).detail()).contains("UNAVAILABLE").contains("503 from Google").contains("5");
        assertThat(history.get(6).actor()).isEqualTo(MANAGER);
        assertThat(history.get(6).detail()).isEqualTo("retry");
        assertThat(history.get(7).detail()).isEqualTo("a-1");
        assertThat(history).extracting(AuditEntry::at).isSorted();
    }

    @Test
    void aNaverReplyPastedByHandIsPublishedByThePersonWhoPastedIt() {
        ReviewStory review = ReviewStory.naver(shop, "n-1");
        given(review.received(5, "민지", "최고"), review.draftRequested(null, OWNER), review.drafted("감사합니다!"),
                review.approved(MANAGER), review.postedManually(OWNER));

        AuditEntry published = history(review).get(4);

        assertThat(published.action()).isEqualTo(AuditAction.PUBLISHED);
        assertThat(published.actor()).isEqualTo(OWNER);
        assertThat(published.text()).isEqualTo("감사합니다!");
        assertThat(published.detail()).contains("n-1").contains("by hand");
    }

    @Test
    void editsAtTheSourceRepliesFoundThereRejectionsAndFailedDraftsAreRecorded() {
        ReviewStory review = ReviewStory.google(shop, "a-2");
        given(review.received(2, "B", "slow"), review.editedAtSource(3, "slow but kind"),
                review.draftRequested(null, OWNER), review.draftFailed("model timeout"),
                review.draftRequested(null, OWNER), review.drafted("Sorry"), review.rejected("too short", OWNER),
                review.foundAtSource("Owner replied on Google"));

        List<AuditEntry> history = history(review);

        assertThat(history).extracting(AuditEntry::action).containsExactly(AuditAction.SYNCED,
                AuditAction.EDITED_AT_SOURCE, AuditAction.DRAFT_REQUESTED, AuditAction.DRAFT_FAILED,
                AuditAction.DRAFT_REQUESTED, AuditAction.DRAFTED, AuditAction.REJECTED,
                AuditAction.REPLIED_AT_SOURCE);
        AuditEntry edited = history.get(1);
        assertThat(edited.text()).isEqualTo("slow but kind");
        assertThat(edited.previousText()).isEqualTo("slow");
        assertThat(edited.detail()).isEqualTo("★2 → ★3");
        assertThat(history.get(3).detail()).contains("model timeout");
        assertThat(history.get(6).actor()).isEqualTo(OWNER);
        assertThat(history.get(6).detail()).isEqualTo("too short");
        assertThat(history.get(7).text()).isEqualTo("Owner replied on Google");
        assertThat(history.get(7).actor().type()).isEqualTo(ActorType.SYSTEM);
    }

    @Test
    void theHistoryOfAnotherShopsReviewIsEmpty() {
        ReviewStory review = ReviewStory.google(shop, "a-3");
        given(review.received(5, "C", "good"));

        assertThat(queryList(new FetchReviewHistory(ShopId.random(), review.id()), AuditEntry.class)).isEmpty();
        assertThat(history(review)).hasSize(1);
    }

    private List<AuditEntry> history(ReviewStory review) {
        return queryList(new FetchReviewHistory(review.shopId(), review.id()), AuditEntry.class);
    }
}
