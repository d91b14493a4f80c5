package kr.salonmate.api.live;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * Answers a SUBSCRIBE that asks for a receipt with a RECEIPT frame once the in-memory broker has registered the
 * subscription. STOMP 1.2 says a server acknowledges every frame that carries a {@code receipt} header; Spring's
 * simple broker confirms only DISCONNECT (RabbitMQ, behind the relay, confirms every frame itself). A client that
 * must not miss an update (subscribe, then read the current state, then apply what arrives) needs to know when
 * the subscription is in place; the tests do exactly that instead of sleeping. A SUBSCRIBE refused by the
 * authorization interceptor never reaches the broker and gets its ERROR frame, no receipt.
 */
@Configuration(proxyBeanMethods = false)
public class SubscriptionReceipts implements WebSocketMessageBrokerConfigurer {

    private static final byte[] EMPTY = new byte[0];

    private final ApplicationContext context;

    public SubscriptionReceipts(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new ExecutorChannelInterceptor() {
            @Override
            public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
                                            Exception failure) {
                if (failure == null && handler instanceof SimpleBrokerMessageHandler) {
                    confirm(StompHeaderAccessor.wrap(message));
                }
            }
        });
    }

    private void confirm(StompHeaderAccessor frame) {
        if (frame.getCommand() != StompCommand.SUBSCRIBE || frame.getReceipt() == null) {
            return;
        }
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(frame.getReceipt());
        receipt.setSessionId(frame.getSessionId());
        // looked up when first needed: the channel is built from the configurers, this one among them
        context.getBean("clientOutboundChannel", MessageChannel.class)
                .send(MessageBuilder.createMessage(EMPTY, receipt.getMessageHeaders()));
    }
}
