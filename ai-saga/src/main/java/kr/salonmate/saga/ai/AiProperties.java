package kr.salonmate.saga.ai;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salonmate.ai.*}: which language models draft replies.
 *
 * @param model         the model asked first ({@code SALONMATE_AI_MODEL})
 * @param fallbackModel asked once when the first one fails ({@code SALONMATE_AI_FALLBACK_MODEL})
 */
@ConfigurationProperties("salonmate.ai")
public record AiProperties(
        @DefaultValue("gpt-4o") String model,
        @DefaultValue("gpt-4o-mini") String fallbackModel) {

    public AiProperties {
        model = model == null || model.isBlank() ? "gpt-4o" : model;
        fallbackModel = fallbackModel == null || fallbackModel.isBlank() ? "gpt-4o-mini" : fallbackModel;
    }
}
