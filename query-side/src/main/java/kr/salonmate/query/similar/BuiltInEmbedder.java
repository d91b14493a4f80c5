package kr.salonmate.query.similar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The offline embedding, for Korean and English alike, with nothing to download: the hashing trick over two kinds
 * of features of the text —
 * <ul>
 *   <li>Nori's tokens (Lucene's Korean analyzer: morphemes with particles and endings dropped, so "커트가" and
 *       "커트는" are both "커트"; English words come through lower-cased), weight 1;</li>
 *   <li>character 2- and 3-grams inside each word, weight 0.5, which catch what the tokenizer splits differently
 *       and spelling variants ("염색했는데" / "염색해서", "colour" / "color").</li>
 * </ul>
 * Each feature's weight is damped ({@code ln(1 + w)}) and added to one of {@value #DIMENSIONS} buckets chosen by
 * its hash; the vector is scaled to unit length. All components are ≥ 0, so a cosine is between 0 and 1.
 */
public final class BuiltInEmbedder implements TextEmbedder {

    public static final String MODEL = "builtin-ngram-nori-v1";
    static final int DIMENSIONS = 512;
    private static final int MAX_TEXT = 8_192;
    private static final Analyzer NORI = new KoreanAnalyzer();
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normalized = Normalizer.normalize(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text,
                Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        Map<String, Float> features = new HashMap<>();
        for (String token : tokens(normalized)) {
            features.merge("t:" + token, 1f, Float::sum);
        }
        for (String word : NOT_WORD.split(normalized)) {
            for (int n = 2; n <= 3; n++) {
                for (int i = 0; i + n <= word.length(); i++) {
                    features.merge("g:" + word.substring(i, i + n), 0.5f, Float::sum);
                }
            }
        }
        float[] vector = new float[DIMENSIONS];
        features.forEach((feature, weight) -> vector[bucket(feature)] += (float) Math.log1p(weight));
        return TextEmbedder.normalized(vector);
    }

    private static java.util.List<String> tokens(String text) {
        java.util.List<String> tokens = new java.util.ArrayList<>();
        try (TokenStream stream = NORI.tokenStream("comment", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static int bucket(String feature) {
        int h = feature.hashCode() * 0x9E3779B9; // spread String.hashCode's low bits
        h ^= h >>> 16;
        return Math.floorMod(h, DIMENSIONS);
    }
}
