package kr.salonmate.api.live;

import java.util.Optional;
import java.util.UUID;
import kr.salonmate.api.media.MediaLinks;
import kr.salonmate.api.post.PostResponse;
import kr.salonmate.messages.post.PostView;
import kr.salonmate.messages.review.DashboardView;
import kr.salonmate.messages.review.ReviewView;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * With the STOMP broker relay on, every node pushes every update its projections emit to RabbitMQ, whether or not
 * a socket on this node listens: the node that projects a review's events (it holds the review's segment) is not
 * necessarily the node that holds the owner's socket, and neither knows the other. RabbitMQ delivers to the
 * subscribers wherever they are and drops what nobody listens to. The updates are taken from Axon's update emitter
 * as they are emitted, after the projection's transaction committed; one review's events are projected by one
 * segment, one thread, in order, and the relay's system connection keeps that order to RabbitMQ.
 *
 * <p>Without the relay this does nothing: {@link LiveUpdates} bridges local subscription queries instead.
 */
@Component
public class LiveRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveRelay.class);
    /** DashboardProjection names the shop of its counters in this metadata key. */
    private static final String SHOP_METADATA = "shopId";

    private final QueryUpdateEmitter emitter;
    private final SimpMessagingTemplate broker;
    private final MediaLinks links;
    private final boolean relayOn;
    private volatile boolean running;

    public LiveRelay(QueryUpdateEmitter emitter, SimpMessagingTemplate broker, MediaLinks links,
                     @Value("${salonmate.stomp.relay.host:}") String relayHost) {
        this.emitter = emitter;
        this.broker = broker;
        this.links = links;
        this.relayOn = StringUtils.hasText(relayHost);
    }

    @Override
    public void start() {
        if (relayOn) {
            emitter.registerDispatchInterceptor(messages -> (index, update) -> {
                if (running) {
                    push(update.getPayload(), update.getMetaData().get(SHOP_METADATA));
                }
                return update;
            });
        }
        running = true;
    }

    private void push(Object update, Object shopMetadata) {
        Optional<LiveTopic> topic = Optional.empty();
        if (update instanceof ReviewView review) {
            topic = Optional.of(new LiveTopic(review.shopId().value(), LiveTopic.Kind.REVIEWS));
        } else if (update instanceof PostView post) {
            topic = Optional.of(new LiveTopic(post.shopId().value(), LiveTopic.Kind.POSTS));
        } else if (update instanceof DashboardView && shopMetadata != null) {
            topic = Optional.of(new LiveTopic(UUID.fromString(shopMetadata.toString()), LiveTopic.Kind.DASHBOARD));
        }
        topic.ifPresent(t -> {
            try {
                broker.convertAndSend(t.relayDestination(), update instanceof PostView post
                        ? PostResponse.of(post, links) : update);
            } catch (RuntimeException e) {
                // a relay that is away loses live frames, not the change: the page reloads what it shows on reconnect
                log.warn("Could not push to {} through the STOMP relay: {}", t.relayDestination(), e.toString());
            }
        });
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
