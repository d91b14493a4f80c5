package kr.salonmate.query.similar;

import kr.salonmate.query.QuerySideModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedding behind similar reviews, chosen like the drafting model: OpenAI's embeddings through Spring AI when
 * an API key is configured and Spring AI provides an {@link EmbeddingModel} ({@code SALONMATE_AI_EMBEDDING_MODEL},
 * {@code text-embedding-3-small} by default), the {@link BuiltInEmbedder} otherwise. Switching changes the model
 * name stored with each vector; a replay of {@value SimilarityProjection#GROUP} re-embeds every review.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class SimilarityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimilarityConfiguration.class);

    @Bean
    TextEmbedder textEmbedder(ObjectProvider<EmbeddingModel> models, Environment environment) {
        String apiKey = environment.getProperty("spring.ai.openai.api-key");
        EmbeddingModel model = apiKey == null || apiKey.isBlank() ? null : models.getIfUnique();
        if (model != null) {
            String name = environment.getProperty("spring.ai.openai.embedding.options.model", "text-embedding-3-small");
            log.info("Similar reviews are embedded by {}", name);
            return new SpringAiEmbedder(model, name);
        }
        log.info("Similar reviews are embedded by the built-in offline embedding ({})", BuiltInEmbedder.MODEL);
        return new BuiltInEmbedder();
    }
}
