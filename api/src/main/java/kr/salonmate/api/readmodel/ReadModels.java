package kr.salonmate.api.readmodel;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
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
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads the read models, and lets a command endpoint answer with the state its own command produced: the
 * projections are eventually consistent, so after a command we wait (briefly) until the read model has
 * caught up with the aggregate's last event.
 *
 * <p>The wait is a subscription query on the same {@code Find…} query (ADR 26): the projection emits the row it
 * committed, so the request goes on the moment its change is readable and no thread sleeps. With several nodes on
 * one database (no Axon Server) another node may hold the projection's segment and emit where nobody listens; for
 * that case the read is also repeated every {@link #RECHECK} (a timer, not a sleeping thread).
 */
@Component
public class ReadModels {

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(5);
    private static final Duration RECHECK = Duration.ofMillis(100);

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
        return await(new FindPost(shopId, postId), PostView.class, view -> view.version() >= lastSequence);
    }

    public Optional<ShopView> shop(ShopId shopId) {
        return queries.query(new FindShop(shopId), ResponseTypes.optionalInstanceOf(ShopView.class)).join();
    }

    /** The review once the inbox shows every event the aggregate has (or as it is after the limit). */
    public Optional<ReviewView> reviewAfterCommand(ShopId shopId, ReviewId reviewId) {
        long lastSequence = eventStore.lastSequenceNumberFor(reviewId.toString()).orElse(-1L);
        return await(new FindReview(shopId, reviewId), ReviewView.class, view -> view.version() >= lastSequence);
    }

    /** The shop once the shop view shows what the caller's command changed (or as it is after the limit). */
    public Optional<ShopView> shopAfterCommand(ShopId shopId, Predicate<ShopView> caughtUp) {
        return await(new FindShop(shopId), ShopView.class, caughtUp);
    }

    /**
     * The first state of {@code query}'s answer that is {@code caughtUp}: the answer now, then each update the
     * projection emits after its commit. Subscribing before reading loses nothing in between (Axon registers the
     * update handler first). Past the limit, the answer as it is then.
     */
    private <T> Optional<T> await(Object query, Class<T> type, Predicate<T> caughtUp) {
        try (SubscriptionQueryResult<Optional<T>, T> answer = queries.subscriptionQuery(query,
                ResponseTypes.optionalInstanceOf(type), ResponseTypes.instanceOf(type))) {
            Flux<T> rereads = Flux.interval(RECHECK, RECHECK, Schedulers.boundedElastic())
                    .concatMap(tick -> Mono.fromFuture(() -> queries.query(query, ResponseTypes.optionalInstanceOf(type))))
                    .flatMap(Mono::justOrEmpty);
            Flux<T> states = Flux.merge(answer.initialResult().flatMap(Mono::justOrEmpty), answer.updates(), rereads);
            Optional<T> reached = states.filter(caughtUp).next()
                    .timeout(CATCH_UP_LIMIT, Mono.empty())
                    .blockOptional();
            return reached.isPresent() ? reached
                    : queries.query(query, ResponseTypes.optionalInstanceOf(type)).join();
        }
    }
}
