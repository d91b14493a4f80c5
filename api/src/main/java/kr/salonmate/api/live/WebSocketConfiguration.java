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
 * sockets held by another: every node pushes its projections' updates to RabbitMQ ({@link LiveRelay}), and the
 * topics are renamed on the way in and out ({@link RelayDestinations}) because RabbitMQ wants dots, not slashes.
 */
@Configuration
@EnableWebSocketMessageBroker
public class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    private final StompAuthorization authorization;
    private final String relayHost;
    private final int relayPort;
    private final String relayLogin;
    private final String relayPasscode;
    private final String relayVirtualHost;
    private final long relayHeartbeatSend;
    private final long relayHeartbeatReceive;
    private final String[] allowedOrigins;

    public WebSocketConfiguration(StompAuthorization authorization,
                                  @Value("${salonmate.stomp.relay.host:}") String relayHost,
                                  @Value("${salonmate.stomp.relay.port:61613}") int relayPort,
                                  @Value("${salonmate.stomp.relay.login:guest}") String relayLogin,
                                  @Value("${salonmate.stomp.relay.passcode:guest}") String relayPasscode,
                                  @Value("${salonmate.stomp.relay.virtual-host:/}") String relayVirtualHost,
                                  @Value("${salonmate.stomp.relay.heartbeat-send:10000}") long relayHeartbeatSend,
                                  @Value("${salonmate.stomp.relay.heartbeat-receive:10000}") long relayHeartbeatReceive,
                                  @Value("${salonmate.cors.allowed-origins:}") String allowedOrigins) {
        this.authorization = authorization;
        this.relayHost = relayHost;
        this.relayPort = relayPort;
        this.relayLogin = relayLogin;
        this.relayPasscode = relayPasscode;
        this.relayVirtualHost = relayVirtualHost;
        this.relayHeartbeatSend = relayHeartbeatSend;
        this.relayHeartbeatReceive = relayHeartbeatReceive;
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
        if (relayOn()) {
            // Spring sends the relay host's name as the STOMP "host" header, which RabbitMQ reads as its virtual
            // host ("Virtual host '127.0.0.1' access denied"): name the virtual host explicitly. The heartbeats of
            // the system connection let a node notice a broker that went away and reconnect (every 5 s).
            registry.enableStompBrokerRelay("/topic")
                    .setRelayHost(relayHost).setRelayPort(relayPort)
                    .setVirtualHost(relayVirtualHost)
                    .setClientLogin(relayLogin).setClientPasscode(relayPasscode)
                    .setSystemLogin(relayLogin).setSystemPasscode(relayPasscode)
                    .setSystemHeartbeatSendInterval(relayHeartbeatSend)
                    .setSystemHeartbeatReceiveInterval(relayHeartbeatReceive);
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
        if (relayOn()) {
            registration.interceptors(authorization, RelayDestinations.toRelay());
        } else {
            registration.interceptors(authorization);
        }
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        if (relayOn()) {
            registration.interceptors(RelayDestinations.fromRelay());
        }
    }

    private boolean relayOn() {
        return StringUtils.hasText(relayHost);
    }
}
