package kr.salonmate.api.live;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kr.salonmate.api.account.AccountStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * Ends STOMP sessions that lost their right to what they receive. Every second (settable) each node checks its own
 * open sessions against {@code shop_membership}, the table every node shares, so no cache needs invalidating
 * across nodes: a member removed on any node gets an ERROR frame (and the socket closes, as STOMP wants after an
 * ERROR) within about a second of the removal reaching the table. A session whose access token has expired is
 * ended the same way. A client keeps listening past its token's expiry by opening a new connection with a fresh
 * token (a new CONNECT): Spring's STOMP handler refuses a second CONNECT on an open socket ("Session already
 * exists"), so the renewal listener below only matters for handlers that allow it.
 */
@Component
public class LiveAccessGuard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveAccessGuard.class);

    /** What one session is allowed to by its last CONNECT, and the shops it subscribed to (by subscription id). */
    private static final class Watched {
        final UUID userId;
        final Instant tokenExpiresAt;
        final Map<String, UUID> shopBySubscription = new ConcurrentHashMap<>();

        Watched(UUID userId, Instant tokenExpiresAt) {
            this.userId = userId;
            this.tokenExpiresAt = tokenExpiresAt;
        }
    }

    private final Map<String, Watched> sessions = new ConcurrentHashMap<>();
    private final AccountStore accounts;
    private final MessageChannel clientOutbound;
    private final Clock clock;
    private final long periodMillis;
    private volatile ScheduledExecutorService checker;

    public LiveAccessGuard(AccountStore accounts, @Qualifier("clientOutboundChannel") MessageChannel clientOutbound,
                           Clock clock, @Value("${salonmate.live.access-check-period:PT1S}") java.time.Duration period) {
        this.accounts = accounts;
        this.clientOutbound = clientOutbound;
        this.clock = clock;
        this.periodMillis = period.toMillis();
    }

    @EventListener
    public void onConnect(SessionConnectEvent event) {
        String sessionId = StompHeaderAccessor.wrap(event.getMessage()).getSessionId();
        if (sessionId != null && event.getUser() instanceof JwtAuthenticationToken token) {
            Watched before = sessions.get(sessionId);
            Watched now = new Watched(UUID.fromString(token.getToken().getSubject()), token.getToken().getExpiresAt());
            if (before != null) {
                now.shopBySubscription.putAll(before.shopBySubscription); // a re-CONNECT keeps the subscriptions
            }
            sessions.put(sessionId, now);
        }
    }

    @EventListener
    public void onSubscribe(SessionSubscribeEvent event) {
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(event.getMessage());
        Watched watched = stomp.getSessionId() == null ? null : sessions.get(stomp.getSessionId());
        if (watched != null && stomp.getSubscriptionId() != null) {
            LiveTopic.parse(stomp.getDestination())
                    .ifPresent(topic -> watched.shopBySubscription.put(stomp.getSubscriptionId(), topic.shopId()));
        }
    }

    @EventListener
    public void onUnsubscribe(SessionUnsubscribeEvent event) {
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(event.getMessage());
        Watched watched = stomp.getSessionId() == null ? null : sessions.get(stomp.getSessionId());
        if (watched != null && stomp.getSubscriptionId() != null) {
            watched.shopBySubscription.remove(stomp.getSubscriptionId());
        }
    }

    @EventListener
    public void onDisconnect(SessionDisconnectEvent event) {
        sessions.remove(event.getSessionId());
    }

    /** One pass over this node's sessions: one query for the memberships of all their users. */
    void check() {
        if (sessions.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Set<UUID> users = sessions.values().stream().map(w -> w.userId).collect(Collectors.toSet());
        Map<UUID, Set<UUID>> shopsOf = accounts.shopsOf(users);
        sessions.forEach((sessionId, watched) -> {
            if (watched.tokenExpiresAt != null && now.isAfter(watched.tokenExpiresAt)) {
                end(sessionId, "UNAUTHENTICATED: the access token expired; CONNECT again with a fresh one");
                return;
            }
            Set<UUID> allowed = shopsOf.getOrDefault(watched.userId, Set.of());
            watched.shopBySubscription.values().stream().filter(shop -> !allowed.contains(shop)).findFirst()
                    .ifPresent(shop -> end(sessionId, "FORBIDDEN: no longer a member of shop " + shop));
        });
    }

    /** An ERROR frame; Spring's STOMP handler closes the socket right after sending it. */
    private void end(String sessionId, String reason) {
        sessions.remove(sessionId);
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(reason);
        error.setSessionId(sessionId);
        error.setLeaveMutable(true);
        clientOutbound.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
        log.info("Ended live session {}: {}", sessionId, reason);
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-access-guard");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                log.warn("Checking live sessions failed; trying again in {} ms", periodMillis, e);
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        checker = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = checker;
        checker = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return checker != null;
    }
}
