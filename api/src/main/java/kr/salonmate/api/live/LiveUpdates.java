package kr.salonmate.api.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.salonmate.api.media.MediaLinks;
import kr.salonmate.api.post.PostResponse;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.post.PostView;
import kr.salonmate.messages.post.WatchShopPosts;
import kr.salonmate.messages.review.DashboardView;
import kr.salonmate.messages.review.FetchDashboard;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.review.WatchShopReviews;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * Bridges STOMP topics to Axon subscription queries. While at least one socket on this node listens to a
 * shop's topic, this node holds one subscription query for it and forwards every update the projection emits
 * (after its transaction committed, so the read model already shows it). The last listener leaving closes it.
 */
@Component
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final QueryGateway queries;
    private final SimpMessagingTemplate broker;
    private final MediaLinks links;
    private final Map<LiveTopic, Feed> feeds = new ConcurrentHashMap<>();
    /** session id → (subscription id → topic), to undo subscriptions when a socket goes away */
    private final Map<String, Map<String, LiveTopic>> sessions = new ConcurrentHashMap<>();

    /** With the STOMP relay, {@link LiveRelay} pushes every update to the broker and this bridge stands aside. */
    private final boolean relayOn;

    public LiveUpdates(QueryGateway queries, SimpMessagingTemplate broker, MediaLinks links,
                       @Value("${salonmate.stomp.relay.host:}") String relayHost) {
        this.queries = queries;
        this.broker = broker;
        this.links = links;
        this.relayOn = StringUtils.hasText(relayHost);
    }

    private static final class Feed {
        int listeners;
        SubscriptionQueryResult<?, ?> query;
    }

    @EventListener
    public void onSubscribe(SessionSubscribeEvent event) {
        if (relayOn) {
            return;
        }
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(event.getMessage());
        LiveTopic.parse(stomp.getDestination()).ifPresent(topic -> {
            sessions.computeIfAbsent(stomp.getSessionId(), s -> new ConcurrentHashMap<>())
                    .put(stomp.getSubscriptionId(), topic);
            feeds.compute(topic, (t, feed) -> {
                Feed f = feed == null ? new Feed() : feed;
                if (f.listeners++ == 0) {
                    f.query = open(topic);
                }
                return f;
            });
        });
    }

    @EventListener
    public void onUnsubscribe(SessionUnsubscribeEvent event) {
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(event.getMessage());
        Map<String, LiveTopic> subscriptions = sessions.get(stomp.getSessionId());
        if (subscriptions != null) {
            LiveTopic topic = subscriptions.remove(stomp.getSubscriptionId());
            if (topic != null) {
                release(topic);
            }
        }
    }

    @EventListener
    public void onDisconnect(SessionDisconnectEvent event) {
        Map<String, LiveTopic> subscriptions = sessions.remove(event.getSessionId());
        if (subscriptions != null) {
            subscriptions.values().forEach(this::release);
        }
    }

    /** How many subscription queries this node holds open (for tests and metrics). */
    public int openFeeds() {
        return feeds.size();
    }

    private void release(LiveTopic topic) {
        feeds.computeIfPresent(topic, (t, feed) -> {
            if (--feed.listeners > 0) {
                return feed;
            }
            feed.query.cancel();
            return null;
        });
    }

    private SubscriptionQueryResult<?, ?> open(LiveTopic topic) {
        ShopId shopId = new ShopId(topic.shopId());
        String destination = topic.destination();
        SubscriptionQueryResult<?, ?> result = switch (topic.kind()) {
            case REVIEWS -> queries.subscriptionQuery(new WatchShopReviews(shopId),
                    ResponseTypes.instanceOf(PageResult.class), ResponseTypes.instanceOf(ReviewView.class));
            case DASHBOARD -> queries.subscriptionQuery(new FetchDashboard(shopId),
                    ResponseTypes.instanceOf(DashboardView.class), ResponseTypes.instanceOf(DashboardView.class));
            case POSTS -> queries.subscriptionQuery(new WatchShopPosts(shopId),
                    ResponseTypes.instanceOf(PageResult.class), ResponseTypes.instanceOf(PostView.class));
        };
        result.updates().subscribe(
                update -> broker.convertAndSend(destination, update instanceof PostView post
                        ? PostResponse.of(post, links) : update),
                error -> log.warn("Live feed {} ended: {}", destination, error.toString()));
        return result;
    }
}
