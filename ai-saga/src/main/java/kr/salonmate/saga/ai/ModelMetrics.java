package kr.salonmate.saga.ai;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import kr.salonmate.messages.review.TokenUsage;

/**
 * What the model ports did, for Prometheus: {@code salonmate_ai_generations_total{kind, model, outcome}},
 * {@code salonmate_ai_generation_seconds{kind, outcome}} and {@code salonmate_ai_tokens_total{kind, model, type}}.
 * The model tag is the model that answered (after a fallback, the fallback's); failures have {@code model="none"}.
 */
final class ModelMetrics {

    private final MeterRegistry registry;
    private final String kind;

    ModelMetrics(MeterRegistry registry, String kind) {
        this.registry = registry;
        this.kind = kind;
    }

    <T> T record(Supplier<T> generation, java.util.function.Function<T, String> model,
                 java.util.function.Function<T, TokenUsage> usage) {
        long started = System.nanoTime();
        try {
            T result = generation.get();
            done("success", model.apply(result), started);
            TokenUsage tokens = usage.apply(result);
            if (tokens != null) {
                tokens(model.apply(result), "prompt", tokens.promptTokens());
                tokens(model.apply(result), "completion", tokens.completionTokens());
            }
            return result;
        } catch (RuntimeException e) {
            done("failure", "none", started);
            throw e;
        }
    }

    private void done(String outcome, String model, long started) {
        Counter.builder("salonmate.ai.generations").description("Texts asked of the model port")
                .tag("kind", kind).tag("model", model).tag("outcome", outcome).register(registry).increment();
        Timer.builder("salonmate.ai.generation").description("Time the model port took")
                .tag("kind", kind).tag("outcome", outcome).register(registry)
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private void tokens(String model, String type, int count) {
        if (count > 0) {
            Counter.builder("salonmate.ai.tokens").description("Tokens used by the model")
                    .tag("kind", kind).tag("model", model).tag("type", type).register(registry).increment(count);
        }
    }

    static ReplyDrafter metered(ReplyDrafter drafter, MeterRegistry registry) {
        ModelMetrics metrics = new ModelMetrics(registry, "reply");
        return request -> metrics.record(() -> drafter.draft(request), Draft::model, Draft::tokenUsage);
    }

    static CaptionDrafter metered(CaptionDrafter drafter, MeterRegistry registry) {
        ModelMetrics metrics = new ModelMetrics(registry, "caption");
        return request -> metrics.record(() -> drafter.draft(request), CaptionDraft::model, CaptionDraft::tokenUsage);
    }
}
