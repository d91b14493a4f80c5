package kr.salonmate.query;

import static kr.salonmate.query.support.ReviewStory.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.salonmate.messages.review.AuditAction;
import kr.salonmate.messages.review.AuditEntry;
import kr.salonmate.messages.review.FetchReviewHistory;
import kr.salonmate.messages.review.FindReview;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.support.ProjectionTest;
import kr.salonmate.query.support.ReviewStory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;

/** A projection that cannot handle an event parks it, and what follows for that review, in its dead-letter queue. */
class DeadLetterTest extends ProjectionTest {

    private final ShopId shop = ShopId.random();

    @Test
    void anEventAProjectionCannotHandleIsDeadLetteredNotSkippedAndOtherReviewsGoOn() {
        ReviewStory orphan = ReviewStory.google(shop, "dl-1");
        orphan.received(3, "lost", "its ReviewReceived never reached the store"); // sequence 0 is not published
        ReviewStory healthy = ReviewStory.google(shop, "dl-2");

        given(orphan.draftRequested(null, OWNER), healthy.received(5, "ok", "fine"));
        given(orphan.drafted("thanks"));

        assertThat(deadLetters("review-inbox", orphan)).containsExactly(1L, 2L);
        assertThat(deadLetters("dashboard", orphan)).containsExactly(1L, 2L);
        assertThat(jdbc.queryForObject("SELECT cause_message FROM dead_letter_entry WHERE processing_group = "
                + "'review-inbox' AND sequence_identifier = ? AND sequence_index = 0", String.class,
                orphan.id().toString())).contains("not in the inbox");
        // the audit trail needs no earlier event, so it records them; nothing is dead-lettered there
        assertThat(deadLetters("reply-audit", orphan)).isEmpty();
        assertThat(queryList(new FetchReviewHistory(shop, orphan.id()), AuditEntry.class))
                .extracting(AuditEntry::action).containsExactly(AuditAction.DRAFT_REQUESTED, AuditAction.DRAFTED);
        assertThat(queryOptional(new FindReview(shop, healthy.id()), ReviewView.class)).isPresent();
    }

    @Test
    void everyGroupRunsPooledWithADeadLetterQueueAndPropagatesFailures() {
        QuerySideModule.PROCESSING_GROUPS.forEach(group -> {
            assertThat(processor(group)).as(group).isInstanceOf(PooledStreamingEventProcessor.class);
            assertThat(processing.deadLetterQueue(group)).as(group).isPresent();
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                    .isInstanceOf(PropagatingErrorHandler.class);
        });
    }

    private List<Long> deadLetters(String group, ReviewStory review) {
        return jdbc.queryForList("SELECT sequence_number FROM dead_letter_entry WHERE processing_group = ? "
                + "AND sequence_identifier = ? ORDER BY sequence_index", Long.class, group, review.id().toString());
    }
}
