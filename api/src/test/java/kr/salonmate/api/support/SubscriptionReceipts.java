package kr.salonmate.api.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
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
 * subscription, so that {@link StompTestClient#subscribe} knows when updates start to reach it. Spring's simple
 * broker confirms only DISCONNECT (RabbitMQ, behind the relay, confirms every frame itself); the dashboard page asks
 * for no receipts, so nothing else changes for the application under test.
 */
@TestConfiguration(proxyBeanMethods = false)
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
