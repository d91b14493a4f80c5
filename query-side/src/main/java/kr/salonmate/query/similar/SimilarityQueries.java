package kr.salonmate.query.similar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.salonmate.messages.review.FindReview;
import kr.salonmate.messages.review.FindSimilarReviews;
import kr.salonmate.messages.review.FindVoiceExamples;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.review.SimilarReviews;
import kr.salonmate.messages.review.VoiceExamples;
import kr.salonmate.query.QuerySideModule;
import kr.salonmate.query.review.ReviewInboxQueries;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Similar reviews and the examples of the shop's own voice, from the similarity read model. */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class SimilarityQueries {

    /** Below this cosine two texts have too little in common for one's reply to show how to answer the other. */
    static final double MIN_EXAMPLE_SCORE = 0.2;

    private final ShopVectors vectors;
    private final SimilarityStore store;
    private final TextEmbedder embedder;
    private final ReviewInboxQueries inbox;

    SimilarityQueries(ShopVectors vectors, SimilarityStore store, TextEmbedder embedder, ReviewInboxQueries inbox) {
        this.vectors = vectors;
        this.store = store;
        this.embedder = embedder;
        this.inbox = inbox;
    }

    /** No result (an empty {@code Optional}) when the review does not exist in that shop. */
    @QueryHandler
    public Optional<SimilarReviews> handle(FindSimilarReviews query) {
        Optional<ReviewView> review = inbox.handle(new FindReview(query.shopId(), query.reviewId()));
        if (review.isEmpty()) {
            return Optional.empty();
        }
        float[] vector = vectorOf(query.reviewId(), review.get().comment());
        List<SimilarReviews.Item> items = new ArrayList<>();
        for (ShopVectors.Hit hit : vectors.nearest(query.shopId().value(), vector, query.limit(),
                query.reviewId().value(), false, 0)) {
            inbox.handle(new FindReview(query.shopId(), new ReviewId(hit.reviewId())))
                    .ifPresent(similar -> items.add(new SimilarReviews.Item(similar, round(hit.score()))));
        }
        return Optional.of(new SimilarReviews(items));
    }

    @QueryHandler
    public VoiceExamples handle(FindVoiceExamples query) {
        float[] vector = vectorOf(query.reviewId(), query.comment());
        List<ShopVectors.Hit> hits = vectors.nearest(query.shopId().value(), vector, query.limit(),
                query.reviewId() == null ? null : query.reviewId().value(), true, MIN_EXAMPLE_SCORE);
        Map<UUID, Double> scores = hits.stream().collect(Collectors.toMap(ShopVectors.Hit::reviewId,
                ShopVectors.Hit::score, (a, b) -> a));
        return new VoiceExamples(store.examples(hits.stream().map(ShopVectors.Hit::reviewId).toList()).stream()
                .filter(example -> example.reply() != null && !example.reply().isBlank())
                .map(example -> new VoiceExamples.Example(new ReviewId(example.reviewId()), example.rating(),
                        example.comment(), example.reply(), round(scores.get(example.reviewId()))))
                .toList());
    }

    /** The stored embedding of the review, or (not embedded yet, or by another model) one made now. */
    private float[] vectorOf(ReviewId reviewId, String text) {
        float[] stored = reviewId == null ? null : store.vector(reviewId.value(), embedder.model());
        return stored != null ? stored : embedder.embed(text);
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
