package kr.salonmate.query.similar;

import static kr.salonmate.query.support.ReviewStory.MANAGER;
import static kr.salonmate.query.support.ReviewStory.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kr.salonmate.messages.review.FindSimilarReviews;
import kr.salonmate.messages.review.FindVoiceExamples;
import kr.salonmate.messages.review.SimilarReviews;
import kr.salonmate.messages.review.VoiceExamples;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.support.ProjectionTest;
import kr.salonmate.query.support.ReviewStory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The similarity read model on PostgreSQL: which replies count as the shop's own voice (a person wrote or changed
 * them, and they are published), what similar reviews and voice examples answer, and a text edited at the source
 * re-embedded. (Redelivery and replay: ProjectionReplayTest.)
 */
class SimilarityProjectionTest extends ProjectionTest {

    @Autowired
    private SimilarityStore store;
    @Autowired
    private ShopVectors vectors;

    private final ShopId shop = ShopId.random();
    private final ReviewStory edited = ReviewStory.google(shop, "edited");
    private final ReviewStory asDrafted = ReviewStory.google(shop, "as-drafted");
    private final ReviewStory atSource = ReviewStory.google(shop, "at-source");
    private final ReviewStory unpublished = ReviewStory.naver(shop, "unpublished");
    private final ReviewStory asked = ReviewStory.naver(shop, "asked");

    @Test
    void onlyPublishedRepliesAPersonWroteOrChangedAreTheShopsVoice() {
        given(edited.received(5, "A", "염색 컬러가 너무 예뻐요, 애쉬 톤 최고"), edited.draftRequested(null, OWNER),
                edited.drafted("감사합니다!"), edited.edited("애쉬 톤 좋아해 주셔서 감사해요!", MANAGER),
                edited.approved(OWNER), edited.published(),
                asDrafted.received(5, "B", "염색 색감이 예뻐요, 컬러 만족"), asDrafted.draftRequested(null, OWNER),
                asDrafted.drafted("AI가 쓴 답글"), asDrafted.approved(OWNER), asDrafted.published(),
                atSource.received(4, "C", "컬러 염색 잘 됐어요"), atSource.foundAtSource("구글에서 직접 쓴 답글"),
                unpublished.received(5, "D", "염색 컬러 최고예요"), unpublished.draftRequested(null, OWNER),
                unpublished.drafted("초안"), unpublished.edited("사람이 고친 초안", OWNER),
                asked.received(5, "E", "애쉬 염색 컬러 너무 예뻐요"));

        Map<String, Object> row = jdbc.queryForMap("SELECT reply_text, reply_human, reply_published, model,"
                + " length(vector) AS bytes FROM review_similarity WHERE review_id = ?", edited.id().value());
        assertThat(row).containsEntry("reply_text", "애쉬 톤 좋아해 주셔서 감사해요!").containsEntry("reply_human", true)
                .containsEntry("reply_published", true).containsEntry("model", BuiltInEmbedder.MODEL)
                .containsEntry("bytes", BuiltInEmbedder.DIMENSIONS * 4);

        VoiceExamples examples = query(new FindVoiceExamples(shop, asked.id(), "애쉬 염색 컬러 너무 예뻐요", 3),
                VoiceExamples.class);
        assertThat(examples.items()).extracting(VoiceExamples.Example::reviewId)
                .containsExactlyInAnyOrder(edited.id(), atSource.id());
        assertThat(examples.items()).extracting(VoiceExamples.Example::reply)
                .containsExactlyInAnyOrder("애쉬 톤 좋아해 주셔서 감사해요!", "구글에서 직접 쓴 답글");
        assertThat(examples.items().get(0).comment()).isNotBlank();

        SimilarReviews similar = queryOptional(new FindSimilarReviews(shop, asked.id(), 5), SimilarReviews.class)
                .orElseThrow();
        assertThat(similar.items()).extracting(item -> item.review().id())
                .containsExactlyInAnyOrder(edited.id(), asDrafted.id(), atSource.id());
        assertThat(queryOptional(new FindSimilarReviews(ShopId.random(), asked.id(), 5), SimilarReviews.class))
                .as("another shop's review").isEmpty();
    }

    @Test
    void aTextEditedAtTheSourceIsEmbeddedAgain() {
        given(edited.received(5, "A", "커트가 마음에 들어요"));
        byte[] before = vector(edited);
        given(edited.editedAtSource(2, "Parking was terrible and the wait was long"));
        byte[] after = vector(edited);
        assertThat(after).isNotEqualTo(before);
        assertThat(after).isEqualTo(SimilarityStore.bytes(new BuiltInEmbedder()
                .embed("Parking was terrible and the wait was long")));
        assertThat(jdbc.queryForObject("SELECT version FROM review_similarity WHERE review_id = ?", Long.class,
                edited.id().value())).isEqualTo(1L);
    }

    @Test
    void aShopsCopyInMemoryStartsOverWhenTheTableIsClearedForAReplay() {
        givenAPublishedReplyAPersonChangedAndItsCopyInMemory();

        // what the projection's reset does before a replay refills the table (here: with nothing yet)
        transactions.executeWithoutResult(status -> store.deleteAll());

        assertThat(nearest("애쉬 염색 컬러")).as("the copy read before the clear").isEmpty();
    }

    @Test
    void aRowTheCopyMissedIsFoundByTheOccasionalCountAndTheCopyStartsOver() {
        givenAPublishedReplyAPersonChangedAndItsCopyInMemory();
        // a row committed late with a revision below the one the copy has read up to (not what the one writer does)
        java.util.UUID late = java.util.UUID.randomUUID();
        jdbc.update("INSERT INTO review_similarity (review_id, shop_id, version, model, vector, reply_text,"
                + " reply_human, reply_published, revision) VALUES (?, ?, 0, ?, ?, '고마워요', true, true, 1)", late,
                shop.value(), BuiltInEmbedder.MODEL, SimilarityStore.bytes(new BuiltInEmbedder().embed("애쉬 염색 컬러")));
        assertThat(nearest("애쉬 염색 컬러")).as("within the interval of the count").doesNotContain(late);

        long interval = vectors.verifyNanos;
        vectors.verifyNanos = 0;
        try {
            assertThat(nearest("애쉬 염색 컬러")).containsExactlyInAnyOrder(late, edited.id().value());
        } finally {
            vectors.verifyNanos = interval;
        }
    }

    /** A review whose reply a person changed and published; the shop's copy in memory read with it. */
    private void givenAPublishedReplyAPersonChangedAndItsCopyInMemory() {
        given(edited.received(5, "A", "염색 컬러가 너무 예뻐요, 애쉬 톤 최고"), edited.draftRequested(null, OWNER),
                edited.drafted("감사합니다!"), edited.edited("애쉬 톤 좋아해 주셔서 감사해요!", MANAGER),
                edited.approved(OWNER), edited.published());
        assertThat(nearest("애쉬 염색 컬러")).containsExactly(edited.id().value());
    }

    private java.util.List<java.util.UUID> nearest(String text) {
        return vectors.nearest(shop.value(), new BuiltInEmbedder().embed(text), 5, null, false, 0).stream()
                .map(ShopVectors.Hit::reviewId).toList();
    }

    private byte[] vector(ReviewStory story) {
        return jdbc.queryForObject("SELECT vector FROM review_similarity WHERE review_id = ?", byte[].class,
                story.id().value());
    }
}
