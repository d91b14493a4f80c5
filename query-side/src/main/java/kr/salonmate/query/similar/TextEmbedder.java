package kr.salonmate.query.similar;

/**
 * Turns a review's text into a vector for similarity: unit length, so that the dot product of two is their cosine.
 * Implementations are thread-safe. {@link #model()} names the embedding, stored beside each vector: vectors of
 * different models are never compared.
 */
public interface TextEmbedder {

    String model();

    /** The embedding of the text, unit length; null when the text gives nothing to compare (blank). */
    float[] embed(String text);

    /** Scales the vector to unit length in place; null when it is all zeros. */
    static float[] normalized(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        if (sum == 0) {
            return null;
        }
        float scale = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
