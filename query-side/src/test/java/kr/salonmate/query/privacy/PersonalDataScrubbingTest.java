package kr.salonmate.query.privacy;

import static kr.salonmate.query.support.ReviewStory.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.privacy.UserErased;
import kr.salonmate.messages.review.FindReview;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.support.ProjectionTest;
import kr.salonmate.query.support.ReviewStory;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;

/**
 * Read models scrub their copies of erased personal data when the erasure events arrive (the events themselves are
 * unreadable by then, ADR 20): the inbox, the audit trail and the analytics keywords; redelivery changes nothing.
 */
class PersonalDataScrubbingTest extends ProjectionTest {

    private final ShopId shop = ShopId.random();

    @Test
    void anErasedReviewLosesItsNameTextAndKeywordsButKeepsItsRatingAndReply() {
        ReviewStory review = ReviewStory.google(shop, "erase-1").at(Instant.parse("2026-11-02T09:00:00Z"));
        given(review.received(5, "민지", "보라색 염색 최고 친절 디자이너"), review.draftRequested(null, OWNER),
                review.drafted("감사합니다!"), review.approved(OWNER));
        assertThat(keywords()).isNotEmpty();

        given(review.erased(OWNER));

        ReviewView view = find(review);
        assertThat(view.author()).isEqualTo("(erased)");
        assertThat(view.comment()).isEmpty();
        assertThat(view.rating()).isEqualTo(5);
        assertThat(view.reply().text()).isEqualTo("감사합니다!");
        assertThat(audit(review)).containsExactly("SYNCED|", "DRAFT_REQUESTED|null", "DRAFTED|감사합니다!",
                "APPROVED|감사합니다!", "ERASED|null");
        assertThat(keywords()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analytics_review WHERE review_id = ? AND rating = 5",
                Integer.class, review.id().value())).isEqualTo(1);

        // rebuilt from the first event: the erasure is applied again, one ERASED entry, the same rows
        List<String> before = audit(review);
        for (String group : List.of("review-inbox", "reply-audit", "analytics")) {
            var processor = processor(group);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        awaitProjections();
        assertThat(audit(review)).isEqualTo(before);
        assertThat(find(review).author()).isEqualTo("(erased)");
        assertThat(find(review).comment()).isEmpty();
        assertThat(keywords()).isEmpty();
    }

    @Test
    void aDeletedUsersNameLeavesTheAuditTrailAndTheApprovalsButTheEntriesStay() {
        Actor leaving = Actor.user(UUID.randomUUID(), "박매니저");
        ReviewStory review = ReviewStory.google(shop, "erase-2");
        given(review.received(4, "Lee", "nice"), review.edited("고마워요", leaving), review.approved(leaving));

        given(new GenericDomainEventMessage<>("User", leaving.userId().toString(), 0,
                new UserErased(leaving.userId(), List.of(shop), Instant.now())));

        assertThat(find(review).reply().approvedBy().name()).isEqualTo("(deleted user)");
        assertThat(jdbc.queryForList("SELECT actor_name FROM reply_audit WHERE review_id = ? AND actor_user_id = ?",
                String.class, review.id().value(), leaving.userId())).containsExactly("(deleted user)",
                "(deleted user)");
        assertThat(find(review).reply().text()).isEqualTo("고마워요");
    }

    private ReviewView find(ReviewStory review) {
        return queries.query(new FindReview(shop, review.id()), ResponseTypes.optionalInstanceOf(ReviewView.class))
                .join().orElseThrow();
    }

    private List<String> audit(ReviewStory review) {
        return jdbc.query("SELECT action, text FROM reply_audit WHERE review_id = ? ORDER BY sequence",
                (rs, i) -> rs.getString(1) + "|" + rs.getString(2), review.id().value());
    }

    private List<String> keywords() {
        return jdbc.queryForList("SELECT term FROM analytics_review, unnest(string_to_array(keywords, ' ')) AS term"
                + " WHERE shop_id = ?", String.class, shop.value());
    }
}
