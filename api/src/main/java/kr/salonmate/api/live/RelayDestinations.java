package kr.salonmate.api.live;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Translates the live topics between the form clients use ({@code /topic/shops/{id}/reviews}, API.md) and the
 * form RabbitMQ accepts ({@code /topic/shops.{id}.reviews}), so the contract stays as it is with the relay on.
 * Inbound, a SUBSCRIBE is rewritten after {@link StompAuthorization} checked it; outbound, a MESSAGE coming back from
 * RabbitMQ gets the client's form again. The rewrite makes a new message: the original still carries the client's
 * destination for the session listeners ({@link LiveUpdates}, {@link LiveAccessGuard}).
 */
final class RelayDestinations {

    private RelayDestinations() {
    }

    /** For the client inbound channel, after the authorization interceptor. */
    static ChannelInterceptor toRelay() {
        return rewriting(StompCommand.SUBSCRIBE, destination -> LiveTopic.parse(destination).map(LiveTopic::relayDestination));
    }

    /** For the client outbound channel. */
    static ChannelInterceptor fromRelay() {
        return rewriting(StompCommand.MESSAGE,
                destination -> LiveTopic.parseRelayed(destination).map(LiveTopic::destination));
    }

    private static ChannelInterceptor rewriting(StompCommand command, Function<String, Optional<String>> mapping) {
        return new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                StompHeaderAccessor stomp = StompHeaderAccessor.wrap(message);
                if (stomp.getCommand() != command) {
                    return message;
                }
                Optional<String> mapped = mapping.apply(stomp.getDestination());
                if (mapped.isEmpty()) {
                    return message;
                }
                stomp.setDestination(mapped.get());
                if (stomp.getNativeHeader(StompHeaderAccessor.STOMP_DESTINATION_HEADER) != null) {
                    stomp.setNativeHeader(StompHeaderAccessor.STOMP_DESTINATION_HEADER, mapped.get());
                }
                return MessageBuilder.createMessage(message.getPayload(), stomp.getMessageHeaders());
            }
        };
    }
}
