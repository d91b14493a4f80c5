package kr.salonmate.api.review;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import kr.salonmate.messages.post.FindPost;
import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.post.PostView;
import kr.salonmate.messages.review.FindReview;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Reads the read models, and lets a command endpoint answer with the state its own command produced: the
 * projections are eventually consistent, so after a command we wait (briefly) until the read model has
 * caught up with the aggregate's last event.
 */
@Component
public class ReadModels {

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(5);

    private final QueryGateway queries;
    private final EventStore eventStore;

    public ReadModels(QueryGateway queries, EventStore eventStore) {
        this.queries = queries;
        this.eventStore = eventStore;
    }

    public Optional<ReviewView> review(ShopId shopId, ReviewId reviewId) {
        return queries.query(new FindReview(shopId, reviewId), ResponseTypes.optionalInstanceOf(ReviewView.class))
                .join();
    }

    public Optional<PostView> post(ShopId shopId, PostId postId) {
        return queries.query(new FindPost(shopId, postId), ResponseTypes.optionalInstanceOf(PostView.class)).join();
    }

    /** The post once the posts read model shows every event the aggregate has (or as it is after the limit). */
    public Optional<PostView> postAfterCommand(ShopId shopId, PostId postId) {
        long lastSequence = eventStore.lastSequenceNumberFor(postId.toString()).orElse(-1L);
        return await(() -> post(shopId, postId), view -> view.version() >= lastSequence);
    }

    public Optional<ShopView> shop(ShopId shopId) {
        return queries.query(new FindShop(shopId), ResponseTypes.optionalInstanceOf(ShopView.class)).join();
    }

    /** The review once the inbox shows every event the aggregate has (or as it is after the limit). */
    public Optional<ReviewView> reviewAfterCommand(ShopId shopId, ReviewId reviewId) {
        long lastSequence = eventStore.lastSequenceNumberFor(reviewId.toString()).orElse(-1L);
        return await(() -> review(shopId, reviewId), view -> view.version() >= lastSequence);
    }

    /** The shop once the shop view shows every event the aggregate has. */
    public Optional<ShopView> shopAfterCommand(ShopId shopId, Predicate<ShopView> caughtUp) {
        return await(() -> shop(shopId), caughtUp);
    }

    private static <T> Optional<T> await(Supplier<Optional<T>> read, Predicate<T> caughtUp) {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        long pause = 5;
        Optional<T> current = read.get();
        while (System.nanoTime() < deadline && (current.isEmpty() || !caughtUp.test(current.get()))) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause = Math.min(pause * 2, 50);
            current = read.get();
        }
        return current;
    }
}
