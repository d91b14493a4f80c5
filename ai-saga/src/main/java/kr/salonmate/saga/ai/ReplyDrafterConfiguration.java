package kr.salonmate.saga.ai;

import io.micrometer.core.instrument.MeterRegistry;
import kr.salonmate.saga.SagaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Exactly one {@link ReplyDrafter} (and one {@link CaptionDrafter}, chosen the same way): {@link OpenAiReplyDrafter} when an OpenAI key is configured
 * ({@code spring.ai.openai.api-key}) and Spring AI provides a {@link ChatModel}; otherwise the
 * {@link BuiltInReplyDrafter}. Decided when the bean is created (after all bean definitions are known), so it does
 * not depend on the order in which configurations are parsed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
public class ReplyDrafterConfiguration {

    static final String API_KEY_PROPERTY = "spring.ai.openai.api-key";
    private static final Logger log = LoggerFactory.getLogger(ReplyDrafterConfiguration.class);

    @Bean
    ReplyDrafter replyDrafter(ObjectProvider<ChatModel> chatModels, Environment environment, AiProperties properties,
                              ObjectProvider<MeterRegistry> meters) {
        String apiKey = environment.getProperty(API_KEY_PROPERTY);
        ChatModel chatModel = apiKey == null || apiKey.isBlank() ? null : chatModels.getIfUnique();
        ReplyDrafter drafter;
        if (chatModel != null) {
            log.info("Replies are drafted by {} (fallback {})", properties.model(), properties.fallbackModel());
            drafter = new OpenAiReplyDrafter(chatModel, properties);
        } else {
            log.info("No OpenAI key configured: replies are drafted by the built-in offline drafter");
            drafter = new BuiltInReplyDrafter();
        }
        MeterRegistry registry = meters.getIfAvailable();
        return registry == null ? drafter : ModelMetrics.metered(drafter, registry);
    }

    /** Captions come from the same model as replies, or from the built-in writer. */
    @Bean
    CaptionDrafter captionDrafter(ObjectProvider<ChatModel> chatModels, Environment environment,
                                  AiProperties properties, ObjectProvider<MeterRegistry> meters) {
        String apiKey = environment.getProperty(API_KEY_PROPERTY);
        ChatModel chatModel = apiKey == null || apiKey.isBlank() ? null : chatModels.getIfUnique();
        CaptionDrafter drafter = chatModel != null ? new OpenAiCaptionDrafter(chatModel, properties)
                : new BuiltInCaptionDrafter();
        MeterRegistry registry = meters.getIfAvailable();
        return registry == null ? drafter : ModelMetrics.metered(drafter, registry);
    }
}
