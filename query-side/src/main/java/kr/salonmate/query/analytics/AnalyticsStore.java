package kr.salonmate.query.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.salonmate.query.QuerySideModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The analytics tables, read and written with plain JDBC. A batch is written with one statement: the changed
 * reviews travel as arrays, are unnested by PostgreSQL and upserted, so a batch of ten thousand events costs one
 * round trip. Nothing else is written: the counters of a day and its keywords are summed from the reviews' rows
 * when asked ({@link AnalyticsQueries}, ADR 39).
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
class AnalyticsStore {

    private static final String REVIEW_COLUMNS = "review_id, shop_id, day, created_at, rating, sentiment, keywords, "
            + "replied, published_at, response_minutes, draft_state, ai_outcome, version";
    /**
     * Days travel as days since the epoch and instants as microseconds since the epoch, in arrays the driver sends
     * in binary: formatting them as text for the driver was a tenth of a replay's processor thread. PostgreSQL
     * multiplies the interval in double precision: exact to the microsecond until the 2250s, within a few
     * microseconds up to the year 9999 (AnalyticsStoreTest).
     */
    private static final String UPSERT_REVIEWS = "INSERT INTO analytics_review (" + REVIEW_COLUMNS + ") "
            + "SELECT review_id, shop_id, date '1970-01-01' + day, " + fromMicros("created_at") + ", rating, "
            + "sentiment, keywords, replied, " + fromMicros("published_at") + ", response_minutes, draft_state, "
            + "ai_outcome, version FROM unnest(?::uuid[], ?::uuid[], ?::int4[], ?::int8[], ?::int4[], ?::text[], "
            + "?::text[], ?::bool[], ?::int8[], ?::float8[], ?::text[], ?::text[], ?::int8[]) "
            + "AS r(review_id, shop_id, day, created_at, rating, sentiment, keywords, replied, published_at, "
            + "response_minutes, draft_state, ai_outcome, version) "
            + "ON CONFLICT (review_id) DO UPDATE SET rating = excluded.rating, sentiment = excluded.sentiment, "
            + "keywords = excluded.keywords, replied = excluded.replied, published_at = excluded.published_at, "
            + "response_minutes = excluded.response_minutes, draft_state = excluded.draft_state, "
            + "ai_outcome = excluded.ai_outcome, version = excluded.version";
    private static final String UPSERT_ZONE = """
            INSERT INTO analytics_shop (shop_id, timezone) VALUES (?, ?)
            ON CONFLICT (shop_id) DO UPDATE SET timezone = excluded.timezone""";

    private final JdbcTemplate jdbc;

    AnalyticsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, ReviewFacts> reviews(Collection<UUID> ids) {
        Map<UUID, ReviewFacts> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT " + REVIEW_COLUMNS
                    + " FROM analytics_review WHERE review_id = ANY(?::uuid[])");
            ps.setArray(1, con.createArrayOf("uuid", ids.toArray()));
            return ps;
        }, rs -> {
            ReviewFacts facts = facts(rs);
            found.put(facts.reviewId(), facts);
        });
        return found;
    }

    Optional<ZoneId> zoneOf(UUID shopId) {
        return jdbc.queryForList("SELECT timezone FROM analytics_shop WHERE shop_id = ?", String.class, shopId)
                .stream().findFirst().map(ZoneId::of);
    }

    /**
     * Writes the batch in the unit of work's transaction. A replay's transaction commits without waiting for its
     * WAL flush ({@code SET LOCAL synchronous_commit = off}): should PostgreSQL crash, it loses at most the last few
     * batches of the rebuild together with the processor's token, which is in the same transaction, so the
     * processor reads those events again. The tables stay consistent; only the wait for the disk goes.
     */
    void flush(AnalyticsBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.isReplay()) {
            jdbc.execute("SET LOCAL synchronous_commit = off");
        }
        if (!batch.zones().isEmpty()) {
            List<Object[]> zones = new ArrayList<>();
            batch.zones().forEach((shop, zone) -> zones.add(new Object[]{shop, zone.getId()}));
            jdbc.batchUpdate(UPSERT_ZONE, zones);
        }
        if (!batch.changedReviews().isEmpty()) {
            jdbc.execute((Connection con) -> {
                try (PreparedStatement ps = con.prepareStatement(UPSERT_REVIEWS)) {
                    bindReviews(con, ps, batch.changedReviews());
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    void clear() {
        jdbc.execute("TRUNCATE analytics_review, analytics_shop");
    }

    private static void bindReviews(Connection con, PreparedStatement ps, Collection<ReviewFacts> reviews)
            throws SQLException {
        int n = reviews.size();
        Object[] ids = new Object[n];
        Object[] shops = new Object[n];
        Integer[] days = new Integer[n];
        Long[] created = new Long[n];
        Integer[] ratings = new Integer[n];
        String[] sentiments = new String[n];
        String[] keywords = new String[n];
        Boolean[] replied = new Boolean[n];
        Long[] published = new Long[n];
        Double[] minutes = new Double[n];
        String[] drafts = new String[n];
        String[] outcomes = new String[n];
        Long[] versions = new Long[n];
        int i = 0;
        for (ReviewFacts r : reviews) {
            ids[i] = r.reviewId();
            shops[i] = r.shopId();
            days[i] = Math.toIntExact(r.day().toEpochDay());
            created[i] = micros(r.createdAt());
            ratings[i] = r.rating();
            sentiments[i] = r.sentiment().name();
            keywords[i] = String.join(" ", r.keywords());
            replied[i] = r.replied();
            published[i] = micros(r.publishedAt());
            minutes[i] = r.responseMinutes();
            drafts[i] = r.draft().name();
            outcomes[i] = r.aiOutcome().name();
            versions[i] = r.version();
            i++;
        }
        int p = 1;
        ps.setArray(p++, con.createArrayOf("uuid", ids));
        ps.setArray(p++, con.createArrayOf("uuid", shops));
        ps.setArray(p++, con.createArrayOf("int4", days));
        ps.setArray(p++, con.createArrayOf("int8", created));
        ps.setArray(p++, con.createArrayOf("int4", ratings));
        ps.setArray(p++, con.createArrayOf("text", sentiments));
        ps.setArray(p++, con.createArrayOf("text", keywords));
        ps.setArray(p++, con.createArrayOf("bool", replied));
        ps.setArray(p++, con.createArrayOf("int8", published));
        ps.setArray(p++, con.createArrayOf("float8", minutes));
        ps.setArray(p++, con.createArrayOf("text", drafts));
        ps.setArray(p++, con.createArrayOf("text", outcomes));
        ps.setArray(p, con.createArrayOf("int8", versions));
    }

    /** Microseconds since the epoch, rounded to the nearest as PostgreSQL rounds a timestamp it parses. */
    static Long micros(Instant instant) {
        if (instant == null) {
            return null;
        }
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                (instant.getNano() + 500L) / 1_000L);
    }

    private static String fromMicros(String column) {
        return "timestamptz 'epoch' + " + column + " * interval '1 microsecond'";
    }

    private static ReviewFacts facts(ResultSet rs) throws SQLException {
        String keywords = rs.getString("keywords");
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
        return new ReviewFacts(rs.getObject("review_id", UUID.class), rs.getObject("shop_id", UUID.class),
                rs.getObject("day", LocalDate.class), created == null ? null : created.toInstant(),
                rs.getInt("rating"), Sentiment.valueOf(rs.getString("sentiment")),
                keywords == null || keywords.isEmpty() ? List.of() : Arrays.asList(keywords.split(" ")),
                rs.getBoolean("replied"), published == null ? null : published.toInstant(),
                ReviewFacts.DraftState.valueOf(rs.getString("draft_state")),
                ReviewFacts.AiOutcome.valueOf(rs.getString("ai_outcome")), rs.getLong("version"));
    }
}
