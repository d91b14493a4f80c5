package kr.salonmate.query.similar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import kr.salonmate.query.QuerySideModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Each shop's review vectors in memory, as one compact float array, searched by brute force: at 10,000 reviews of
 * 512 floats that is 5 million multiply-adds, a few milliseconds, and it beat both reading the vectors from
 * PostgreSQL for each search and a Lucene HNSW graph (docs/benchmarks.md, "Similar reviews"; ADR 22).
 *
 * <p>The table stays the truth, shared by every node: before a search the copy asks PostgreSQL for the table's
 * generation and the shop's highest {@code revision} (two index look-ups) and fetches only the rows written since;
 * when the generation moved (a replay cleared the table) it starts over. Revisions are taken by the projection's one
 * writer, so they commit in order; should a row still be missed (say, a dead letter retried beside the processor),
 * the copy compares its row count with the table's at most every {@value #VERIFY_SECONDS} seconds and starts over
 * when they differ. (It used to count before every search: {@code count(*)} visits all the shop's rows, and that was
 * the largest cost of PostgreSQL in the review pipeline; docs/benchmarks.md.) A copy is dropped when the embedding
 * model of this node is not the one of the rows.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class ShopVectors {

    static final long VERIFY_SECONDS = 30;

    private final SimilarityStore store;
    private final TextEmbedder embedder;
    private final Map<UUID, Copy> shops = new ConcurrentHashMap<>();
    /** How often a copy's row count is compared with the table's (a test sets 0: every search). */
    long verifyNanos = TimeUnit.SECONDS.toNanos(VERIFY_SECONDS);

    ShopVectors(SimilarityStore store, TextEmbedder embedder) {
        this.store = store;
        this.embedder = embedder;
    }

    /** A review found similar, with its cosine (0–1) and whether its reply was written or changed by a person. */
    public record Hit(UUID reviewId, double score, boolean human) {
    }

    /**
     * The shop's reviews most similar to {@code query}, best first, among those with a published reply (and with
     * {@code humanOnly} among those whose reply a person wrote or changed), never {@code exclude}.
     */
    public List<Hit> nearest(UUID shopId, float[] query, int limit, UUID exclude, boolean humanOnly, double minScore) {
        if (query == null || limit <= 0) {
            return List.of();
        }
        Copy copy = current(shopId);
        synchronized (copy) {
            return copy.nearest(query, limit, i -> copy.published[i] && (!humanOnly || copy.human[i])
                    && !copy.ids[i].equals(exclude), minScore);
        }
    }

    private Copy current(UUID shopId) {
        Copy copy = shops.computeIfAbsent(shopId, id -> new Copy());
        synchronized (copy) {
            long[] state = store.state(shopId);
            if (state[0] != copy.generation) {
                copy.clear();
                copy.generation = state[0];
            }
            if (state[1] != copy.revision) {
                for (SimilarityStore.Entry entry : store.changedSince(shopId, copy.revision)) {
                    copy.put(entry, embedder.model());
                }
            }
            long now = System.nanoTime();
            if (now - copy.verifiedAt >= verifyNanos) {
                if (store.count(shopId) != copy.stored) {
                    copy.clear();
                    store.changedSince(shopId, 0).forEach(entry -> copy.put(entry, embedder.model()));
                }
                copy.verifiedAt = now;
            }
            return copy;
        }
    }

    /** One shop: row {@code i} of {@code vectors} is review {@code ids[i]}; a row without a vector is all zeros. */
    static final class Copy {
        private int dimensions;
        private float[] vectors = new float[0];
        private UUID[] ids = new UUID[0];
        private boolean[] published = new boolean[0];
        private boolean[] human = new boolean[0];
        private final Map<UUID, Integer> rows = new HashMap<>();
        private int size;
        private long stored;
        private long revision;
        /** The table's generation the rows were read in; -1: none yet. */
        private long generation = -1;
        /** When the row count was last compared with the table's ({@link System#nanoTime}); at first: long ago. */
        private long verifiedAt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

        void put(SimilarityStore.Entry entry, String model) {
            float[] vector = entry.vector() != null && model.equals(entry.model()) ? entry.vector() : null;
            if (vector != null && dimensions == 0) {
                dimensions = vector.length;
                vectors = new float[Math.max(ids.length, 16) * dimensions];
            }
            if (vector != null && vector.length != dimensions) {
                vector = null;
            }
            Integer row = rows.get(entry.reviewId());
            if (row == null) {
                row = size++;
                grow();
                rows.put(entry.reviewId(), row);
                ids[row] = entry.reviewId();
                stored++;
            }
            published[row] = entry.published();
            human[row] = entry.human();
            if (dimensions > 0) {
                if (vector == null) {
                    Arrays.fill(vectors, row * dimensions, (row + 1) * dimensions, 0f);
                } else {
                    System.arraycopy(vector, 0, vectors, row * dimensions, dimensions);
                }
            }
            revision = Math.max(revision, entry.revision());
        }

        UUID idAt(int row) {
            return ids[row];
        }

        boolean isPublished(int row) {
            return published[row];
        }

        void clear() {
            dimensions = 0;
            vectors = new float[0];
            ids = new UUID[0];
            published = new boolean[0];
            human = new boolean[0];
            rows.clear();
            size = 0;
            stored = 0;
            revision = 0;
        }

        private void grow() {
            if (size <= ids.length) {
                return;
            }
            int capacity = Math.max(16, ids.length * 2);
            ids = Arrays.copyOf(ids, capacity);
            published = Arrays.copyOf(published, capacity);
            human = Arrays.copyOf(human, capacity);
            if (dimensions > 0) {
                vectors = Arrays.copyOf(vectors, capacity * dimensions);
            }
        }

        List<Hit> nearest(float[] query, int limit, IntPredicate eligible, double minScore) {
            if (dimensions == 0 || query.length != dimensions) {
                return List.of();
            }
            // the best `limit` so far, kept sorted, best first: a few comparisons per row at most
            int[] best = new int[limit];
            float[] scores = new float[limit];
            int found = 0;
            for (int row = 0; row < size; row++) {
                if (!eligible.test(row)) {
                    continue;
                }
                float score = 0;
                int offset = row * dimensions;
                for (int d = 0; d < dimensions; d++) {
                    score += vectors[offset + d] * query[d];
                }
                if (score <= minScore || (found == limit && score <= scores[limit - 1])) {
                    continue;
                }
                int at = found < limit ? found++ : limit - 1;
                while (at > 0 && scores[at - 1] < score) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = score;
                best[at] = row;
            }
            List<Hit> hits = new ArrayList<>(found);
            for (int i = 0; i < found; i++) {
                hits.add(new Hit(ids[best[i]], Math.min(1, Math.max(0, scores[i])), human[best[i]]));
            }
            return hits;
        }
    }
}
