package kr.salonmate.api.live;

import java.security.Principal;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.api.security.ShopAccess;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Guards the STOMP session: CONNECT must carry a valid access token ({@code Authorization: Bearer …}), every
 * SUBSCRIBE must name a live topic of a shop the user belongs to, and clients do not SEND. A refusal becomes
 * an ERROR frame and the socket closes.
 */
@Component
public class StompAuthorization implements ChannelInterceptor {

    private final JwtDecoder jwtDecoder;
    private final ShopAccess access;

    public StompAuthorization(JwtDecoder jwtDecoder, ShopAccess access) {
        this.jwtDecoder = jwtDecoder;
        this.access = access;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
            stomp.setUser(authenticate(stomp.getFirstNativeHeader("Authorization")));
        } else if (command == StompCommand.SUBSCRIBE) {
            CurrentUser user = userOf(stomp.getUser());
            LiveTopic topic = LiveTopic.parse(stomp.getDestination())
                    .orElseThrow(() -> new MessageDeliveryException("Unknown topic: " + stomp.getDestination()));
            if (!access.isMember(user.id(), topic.shopId())) {
                throw new MessageDeliveryException("FORBIDDEN: not a member of shop " + topic.shopId());
            }
        } else if (command == StompCommand.SEND) {
            throw new MessageDeliveryException("This socket only delivers updates; use the HTTP API to act");
        }
        return message;
    }

    private Principal authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new MessageDeliveryException("UNAUTHENTICATED: CONNECT needs Authorization: Bearer <token>");
        }
        try {
            Jwt jwt = jwtDecoder.decode(authorization.substring(7).trim());
            return new JwtAuthenticationToken(jwt);
        } catch (JwtException e) {
            throw new MessageDeliveryException("UNAUTHENTICATED: the access token is not valid");
        }
    }

    static CurrentUser userOf(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            return CurrentUser.of(token.getToken());
        }
        throw new MessageDeliveryException("UNAUTHENTICATED");
    }
}
