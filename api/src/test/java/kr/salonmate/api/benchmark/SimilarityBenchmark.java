package kr.salonmate.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.query.similar.BuiltInEmbedder;
import kr.salonmate.query.similar.ShopVectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where to keep the vectors of similar reviews: top 5 among 10,000 reviews of one shop (goal: p95 < 50 ms on this
 * machine), with the built-in embedding (512 floats). Three candidates, measured in one run on the same vectors:
 * <ul>
 *   <li>the anchor: the naive way, the shop's vectors read from PostgreSQL ({@code bytea}) for every search and
 *       scored by brute force;</li>
 *   <li>the chosen way ({@link ShopVectors}): the shop's vectors in one float array in memory, brute force, with
 *       the check against PostgreSQL every search makes (row count and highest revision);</li>
 *   <li>Lucene's HNSW graph ({@code KnnFloatVectorField}, in memory), with its build time and recall.</li>
 * </ul>
 * Not part of the default run (docs/benchmarks.md, "Similar reviews"):
 * {@code ./mvnw -o -q -ntp -pl api -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=SimilarityBenchmark
 * -Dbenchmark.excluded=none test}.
 */
@Tag("benchmark")
class SimilarityBenchmark extends IntegrationTest {

    private static final int REVIEWS = Integer.getInteger("benchmark.reviews", 10_000);
    private static final int SEARCHES = Integer.getInteger("benchmark.searches", 300);
    private static final int K = 5;
    private static final String[] KO = {"염색", "색감", "컬러", "애쉬", "브라운", "펌", "디지털펌", "커트", "앞머리", "단발",
        "원장님", "디자이너", "친절", "상담", "꼼꼼", "예약", "대기", "기다렸어요", "가격", "비싸요", "주차", "위치", "깨끗",
        "샴푸", "두피", "클리닉", "매직", "볼륨", "자연스러워요", "만족", "추천", "최고예요", "아쉬워요", "다시", "방문",
        "손상", "머릿결", "드라이", "스타일", "분위기"};
    private static final String[] EN = {"color", "balayage", "highlights", "cut", "fade", "trim", "perm", "stylist",
        "friendly", "wait", "appointment", "price", "expensive", "parking", "clean", "shampoo", "scalp", "treatment",
        "volume", "natural", "love", "recommend", "great", "amazing", "disappointed", "again", "damage", "blowout",
        "style", "vibe"};

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ShopVectors shopVectors;

    @Test
    void topFiveAmongTenThousandReviewsOfOneShop() throws Exception {
        BuiltInEmbedder embedder = new BuiltInEmbedder();
        Random random = new Random(42);
        UUID shop = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < REVIEWS; i++) {
            ids.add(UUID.randomUUID());
            vectors.add(embedder.embed(text(random)));
        }
        double embedMs = (System.nanoTime() - started) / 1e6;
        jdbc.batchUpdate("INSERT INTO review_similarity (review_id, shop_id, version, model, vector, reply_text,"
                        + " reply_human, reply_published) VALUES (?, ?, 0, ?, ?, 'reply', true, true)",
                java.util.stream.IntStream.range(0, REVIEWS).boxed().toList(), 1000, (ps, i) -> {
                    ps.setObject(1, ids.get(i));
                    ps.setObject(2, shop);
                    ps.setString(3, embedder.model());
                    ps.setBytes(4, bytes(vectors.get(i)));
                });
        jdbc.execute("ANALYZE review_similarity");
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < SEARCHES; i++) {
            queries.add(embedder.embed(text(random)));
        }

        // the anchor: read the shop's vectors from PostgreSQL for every search
        shopVectors.nearest(shop, queries.get(0), K, null, false, 0); // warms the copy
        long[] fromDatabase = new long[SEARCHES];
        for (int round = 0; round < 2; round++) { // the first round warms up
            for (int i = 0; i < SEARCHES; i++) {
                long t = System.nanoTime();
                float[] query = queries.get(i);
                float[] best = new float[K];
                Arrays.fill(best, -1);
                jdbc.query("SELECT review_id, vector FROM review_similarity WHERE shop_id = ? AND reply_published",
                        rs -> {
                            float[] v = floats(rs.getBytes(2));
                            float s = 0;
                            for (int d = 0; d < v.length; d++) {
                                s += v[d] * query[d];
                            }
                            if (s > best[K - 1]) {
                                best[K - 1] = s;
                                Arrays.sort(best);
                                reverse(best);
                            }
                        }, shop);
                fromDatabase[i] = System.nanoTime() - t;
            }
        }

        long[] inMemory = new long[SEARCHES];
        List<Set<UUID>> exact = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            exact.clear();
            for (int i = 0; i < SEARCHES; i++) {
                long t = System.nanoTime();
                List<ShopVectors.Hit> hits = shopVectors.nearest(shop, queries.get(i), K, null, false, 0);
                inMemory[i] = System.nanoTime() - t;
                Set<UUID> found = new HashSet<>();
                hits.forEach(hit -> found.add(hit.reviewId()));
                exact.add(found);
                assertThat(hits).hasSize(K);
            }
        }

        started = System.nanoTime();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < REVIEWS; i++) {
                Document document = new Document();
                document.add(new KnnFloatVectorField("v", vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
                document.add(new StoredField("id", ids.get(i).toString()));
                writer.addDocument(document);
            }
            writer.forceMerge(1);
        }
        double hnswBuildMs = (System.nanoTime() - started) / 1e6;
        long[] hnsw = new long[SEARCHES];
        double recall = 0;
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (int round = 0; round < 2; round++) {
                recall = 0;
                for (int i = 0; i < SEARCHES; i++) {
                    long t = System.nanoTime();
                    ScoreDoc[] docs = searcher.search(new KnnFloatVectorQuery("v", queries.get(i), K), K).scoreDocs;
                    Set<UUID> found = new HashSet<>();
                    for (ScoreDoc doc : docs) {
                        found.add(UUID.fromString(searcher.storedFields().document(doc.doc).get("id")));
                    }
                    hnsw[i] = System.nanoTime() - t;
                    found.retainAll(exact.get(i));
                    recall += found.size() / (double) K;
                }
            }
        }
        recall /= SEARCHES;

        System.out.printf("[benchmark] similar reviews: %,d reviews of one shop, %d dimensions, %d searches, top %d%n",
                REVIEWS, vectors.get(0).length, SEARCHES, K);
        System.out.printf("[benchmark] built-in embedding: %.2f ms per review%n", embedMs / REVIEWS);
        report("anchor: vectors read from PostgreSQL per search", fromDatabase, fromDatabase);
        report("chosen: in-memory array, brute force (+ revision check)", inMemory, fromDatabase);
        report("Lucene HNSW in memory (recall " + String.format("%.3f", recall) + ", built in "
                + String.format("%.0f", hnswBuildMs) + " ms)", hnsw, fromDatabase);
        jdbc.update("DELETE FROM review_similarity WHERE shop_id = ?", shop);
    }

    private static void report(String what, long[] nanos, long[] anchor) {
        System.out.printf("[benchmark] %-70s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  (p95 / anchor p95 %.3f)%n",
                what, percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99),
                percentile(nanos, 95) / percentile(anchor, 95));
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static String text(Random random) {
        String[] words = random.nextInt(3) == 0 ? EN : KO;
        StringBuilder text = new StringBuilder();
        int n = 5 + random.nextInt(15);
        for (int i = 0; i < n; i++) {
            text.append(words[random.nextInt(words.length)]).append(i % 6 == 5 ? ". " : " ");
        }
        return text.toString();
    }

    private static void reverse(float[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            float t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
