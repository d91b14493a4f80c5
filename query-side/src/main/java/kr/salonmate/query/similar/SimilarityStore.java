package kr.salonmate.query.similar;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import kr.salonmate.query.BatchedInserts;
import kr.salonmate.query.QuerySideModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code review_similarity} table. Every write is conditional on the review's event sequence ({@code version}),
 * so a redelivered event changes nothing, and takes a new {@code revision}, which is how {@link ShopVectors} learns
 * what changed.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class SimilarityStore {

    private final NamedParameterJdbcTemplate jdbc;
    /** A batch's new reviews, inserted together before it commits; every other write of the projection flushes them. */
    private final BatchedInserts received;

    SimilarityStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.received = new BatchedInserts(jdbc, """
                INSERT INTO review_similarity (review_id, shop_id, version, model, vector)
                VALUES (:id, :shop, :version, :model, :vector) ON CONFLICT (review_id) DO NOTHING""");
    }

    /** One review's row as the search needs it. */
    record Entry(UUID reviewId, String model, float[] vector, boolean published, boolean human, long revision) {
    }

    /** A published reply written or changed by a person, with the review it answered. */
    record Example(UUID reviewId, int rating, String comment, String reply) {
    }

    void received(UUID reviewId, UUID shopId, long sequence, String model, float[] vector) {
        received.add(new MapSqlParameterSource("id", reviewId).addValue("shop", shopId).addValue("version", sequence)
                .addValue("model", vector == null ? null : model).addValue("vector", bytes(vector), Types.BINARY));
    }

    void textChanged(UUID reviewId, long sequence, String model, float[] vector) {
        update(reviewId, sequence, "model = :model, vector = :vector", new MapSqlParameterSource()
                .addValue("model", vector == null ? null : model).addValue("vector", bytes(vector), Types.BINARY));
    }

    /** A new reply text; {@code human}: a person wrote or changed it. Not published (any more). */
    void reply(UUID reviewId, long sequence, String text, boolean human) {
        update(reviewId, sequence, "reply_text = :text, reply_human = :human, reply_published = false",
                new MapSqlParameterSource("text", text).addValue("human", human));
    }

    /** The reply is public; a text different from the one known is a person's change. */
    void published(UUID reviewId, long sequence, String text, boolean human) {
        update(reviewId, sequence, """
                reply_human = reply_human OR :human OR reply_text IS DISTINCT FROM :text,
                reply_text = :text, reply_published = true""",
                new MapSqlParameterSource("text", text).addValue("human", human));
    }

    /** Only the sequence moves on (an event that changes nothing here). */
    void seen(UUID reviewId, long sequence) {
        received.flush();
        jdbc.update("UPDATE review_similarity SET version = :version WHERE review_id = :id AND version < :version",
                new MapSqlParameterSource("id", reviewId).addValue("version", sequence));
    }

    /** Clears the table and, in the same transaction, starts a new generation: copies in memory start over. */
    void deleteAll() {
        received.flush();
        jdbc.getJdbcTemplate().update("DELETE FROM review_similarity");
        jdbc.getJdbcTemplate().update("UPDATE review_similarity_generation SET generation = generation + 1");
    }

    /**
     * The table's generation and the highest revision of a shop's rows (0 for none), read together: what tells a copy
     * in memory whether it is current. Two index look-ups, whatever the shop's size.
     */
    long[] state(UUID shopId) {
        return jdbc.queryForObject("""
                        SELECT (SELECT generation FROM review_similarity_generation WHERE id = 1),
                               coalesce((SELECT max(revision) FROM review_similarity WHERE shop_id = :shop), 0)""",
                new MapSqlParameterSource("shop", shopId), (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
    }

    /** How many rows the shop has: the occasional check that a copy in memory missed none. */
    long count(UUID shopId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM review_similarity WHERE shop_id = :shop",
                new MapSqlParameterSource("shop", shopId), Long.class);
        return count == null ? 0 : count;
    }

    /** A shop's rows written after {@code revision}, oldest first. */
    List<Entry> changedSince(UUID shopId, long revision) {
        return jdbc.query("""
                SELECT review_id, model, vector, reply_published, reply_human, revision FROM review_similarity
                WHERE shop_id = :shop AND revision > :revision ORDER BY revision""",
                new MapSqlParameterSource("shop", shopId).addValue("revision", revision),
                (rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2), floats(rs.getBytes(3)),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getLong(6)));
    }

    List<Example> examples(List<UUID> reviewIds) {
        if (reviewIds.isEmpty()) {
            return List.of();
        }
        List<Example> found = jdbc.query("""
                SELECT s.review_id, r.rating, r.comment, s.reply_text FROM review_similarity s
                JOIN review_view r ON r.id = s.review_id WHERE s.review_id IN (:ids)""",
                new MapSqlParameterSource("ids", reviewIds),
                (rs, n) -> new Example(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4)));
        return reviewIds.stream().flatMap(id -> found.stream().filter(e -> e.reviewId().equals(id))).toList();
    }

    /** The stored vector of one review when it was made by {@code model}. */
    float[] vector(UUID reviewId, String model) {
        List<float[]> found = jdbc.query("SELECT vector FROM review_similarity WHERE review_id = :id AND model = :model",
                new MapSqlParameterSource("id", reviewId).addValue("model", model), (rs, n) -> floats(rs.getBytes(1)));
        return found.isEmpty() ? null : found.get(0);
    }

    private void update(UUID reviewId, long sequence, String set, MapSqlParameterSource parameters) {
        received.flush();
        jdbc.update("UPDATE review_similarity SET " + set + ", version = :version,"
                        + " revision = nextval('review_similarity_revision') WHERE review_id = :id AND version < :version",
                parameters.addValue("id", reviewId).addValue("version", sequence));
    }

    static byte[] bytes(float[] vector) {
        if (vector == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
