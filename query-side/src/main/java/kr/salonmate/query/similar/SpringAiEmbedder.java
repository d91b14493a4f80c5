package kr.salonmate.query.similar;

import org.springframework.ai.embedding.EmbeddingModel;

/** Embeddings from a model behind Spring AI's {@link EmbeddingModel} (OpenAI's {@code text-embedding-3-small}). */
final class SpringAiEmbedder implements TextEmbedder {

    private static final int MAX_TEXT = 8_192;

    private final EmbeddingModel embeddings;
    private final String model;

    SpringAiEmbedder(EmbeddingModel embeddings, String model) {
        this.embeddings = embeddings;
        this.model = model;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        float[] vector = embeddings.embed(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        return vector == null ? null : TextEmbedder.normalized(vector.clone());
    }
}
