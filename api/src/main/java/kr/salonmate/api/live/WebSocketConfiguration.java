package kr.salonmate.api.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.StringUtils;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP 1.2 over a plain WebSocket at {@code /ws}. One node uses the in-memory broker; several nodes relay to
 * RabbitMQ's STOMP plugin ({@code SALONMATE_STOMP_RELAY_HOST}) so that an update projected on one node reaches
 * sockets held by another.
 */
@Configuration
@EnableWebSocketMessageBroker
public class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    private final StompAuthorization authorization;
    private final String relayHost;
    private final int relayPort;
    private final String relayLogin;
    private final String relayPasscode;
    private final String[] allowedOrigins;

    public WebSocketConfiguration(StompAuthorization authorization,
                                  @Value("${salonmate.stomp.relay.host:}") String relayHost,
                                  @Value("${salonmate.stomp.relay.port:61613}") int relayPort,
                                  @Value("${salonmate.stomp.relay.login:guest}") String relayLogin,
                                  @Value("${salonmate.stomp.relay.passcode:guest}") String relayPasscode,
                                  @Value("${salonmate.cors.allowed-origins:}") String allowedOrigins) {
        this.authorization = authorization;
        this.relayHost = relayHost;
        this.relayPort = relayPort;
        this.relayLogin = relayLogin;
        this.relayPasscode = relayPasscode;
        this.allowedOrigins = java.util.Arrays.stream(allowedOrigins.split(",")).map(String::trim)
                .filter(origin -> !origin.isEmpty()).toArray(String[]::new);
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // the server's own origin always, others only when SALONMATE_CORS_ALLOWED_ORIGINS names them (API.md): a page
        // elsewhere must not open a socket with a token it got hold of; a refused handshake is 403
        registry.addEndpoint("/ws").setAllowedOrigins(allowedOrigins);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        if (StringUtils.hasText(relayHost)) {
            registry.enableStompBrokerRelay("/topic")
                    .setRelayHost(relayHost).setRelayPort(relayPort)
                    .setClientLogin(relayLogin).setClientPasscode(relayPasscode)
                    .setSystemLogin(relayLogin).setSystemPasscode(relayPasscode);
        } else {
            ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
            heartbeats.setPoolSize(1);
            heartbeats.setThreadNamePrefix("stomp-heartbeat-");
            heartbeats.initialize();
            // heartbeats let the page notice a dead connection quickly and reconnect
            registry.enableSimpleBroker("/topic").setTaskScheduler(heartbeats).setHeartbeatValue(new long[]{10_000, 10_000});
        }
        registry.setApplicationDestinationPrefixes("/app");
        // frames for one review must reach a client in the order of its events
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authorization);
    }
}
