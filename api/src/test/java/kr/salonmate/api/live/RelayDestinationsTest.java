package kr.salonmate.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

/** The topic names clients use (API.md) and the ones RabbitMQ accepts, translated both ways. */
class RelayDestinationsTest {

    private static final UUID SHOP = UUID.fromString("5b0a7c43-8f3e-4c59-9d1b-2f6f1b0e7a11");

    @Test
    void aSubscriptionGoesToRabbitMqWithDotsAndTheOriginalKeepsTheClientsTopic() {
        Message<byte[]> subscribe = frame(StompCommand.SUBSCRIBE, "/topic/shops/" + SHOP + "/reviews");

        Message<?> relayed = RelayDestinations.toRelay().preSend(subscribe, null);

        assertThat(StompHeaderAccessor.wrap(relayed).getDestination()).isEqualTo("/topic/shops." + SHOP + ".reviews");
        assertThat(StompHeaderAccessor.wrap(relayed).getFirstNativeHeader("destination"))
                .isEqualTo("/topic/shops." + SHOP + ".reviews");
        // the session listeners read the original message: it still names the client's topic
        assertThat(StompHeaderAccessor.wrap(subscribe).getDestination()).isEqualTo("/topic/shops/" + SHOP + "/reviews");
    }

    @Test
    void aMessageFromRabbitMqReachesTheClientUnderTheTopicItSubscribedTo() {
        Message<byte[]> message = frame(StompCommand.MESSAGE, "/topic/shops." + SHOP + ".dashboard");

        Message<?> toClient = RelayDestinations.fromRelay().preSend(message, null);

        assertThat(StompHeaderAccessor.wrap(toClient).getDestination()).isEqualTo("/topic/shops/" + SHOP + "/dashboard");
        assertThat(StompHeaderAccessor.wrap(toClient).getFirstNativeHeader("destination"))
                .isEqualTo("/topic/shops/" + SHOP + "/dashboard");
    }

    @Test
    void otherFramesAndDestinationsPassUnchanged() {
        Message<byte[]> unknown = frame(StompCommand.SUBSCRIBE, "/topic/something/else");
        Message<byte[]> send = frame(StompCommand.SEND, "/topic/shops/" + SHOP + "/reviews");
        Message<byte[]> alreadyClientForm = frame(StompCommand.MESSAGE, "/topic/shops/" + SHOP + "/posts");

        assertThat(RelayDestinations.toRelay().preSend(unknown, null)).isSameAs(unknown);
        assertThat(RelayDestinations.toRelay().preSend(send, null)).isSameAs(send);
        assertThat(RelayDestinations.fromRelay().preSend(alreadyClientForm, null)).isSameAs(alreadyClientForm);
    }

    private static Message<byte[]> frame(StompCommand command, String destination) {
        StompHeaderAccessor stomp = StompHeaderAccessor.create(command);
        stomp.setDestination(destination);
        stomp.setNativeHeader("destination", destination);
        stomp.setSessionId("s1");
        return MessageBuilder.createMessage(new byte[0], stomp.getMessageHeaders());
    }
}
