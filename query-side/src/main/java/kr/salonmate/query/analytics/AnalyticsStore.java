package kr.salonmate.query.analytics;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The analytics tables, read and written with plain JDBC. A batch is written with one statement per table: the
 * rows travel as arrays and are unnested by PostgreSQL, and day and keyword counters are added to
 * ({@code ON CONFLICT … DO UPDATE SET n = n + excluded.n}), so a batch of a thousand events costs a handful of
 * round trips.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
class AnalyticsStore {

    private static final String REVIEW_COLUMNS = "review_id, shop_id, day, created_at, rating, sentiment, keywords, "
            + "replied, published_at, response_minutes, draft_state, ai_outcome, version";
    private static final String UPSERT_REVIEWS = "INSERT INTO analytics_review (" + REVIEW_COLUMNS + ") "
            + "SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::date[], ?::timestamptz[], ?::int4[], ?::text[], "
            + "?::text[], ?::bool[], ?::timestamptz[], ?::float8[], ?::text[], ?::text[], ?::int8[]) "
            + "ON CONFLICT (review_id) DO UPDATE SET rating = excluded.rating, sentiment = excluded.sentiment, "
            + "keywords = excluded.keywords, replied = excluded.replied, published_at = excluded.published_at, "
            + "response_minutes = excluded.response_minutes, draft_state = excluded.draft_state, "
            + "ai_outcome = excluded.ai_outcome, version = excluded.version";
    private static final String UPSERT_DAYS = upsertDays();
    private static final String UPSERT_KEYWORDS = """
            INSERT INTO analytics_keyword AS k (shop_id, day, term, reviews)
            SELECT * FROM unnest(?::uuid[], ?::date[], ?::text[], ?::int8[])
            ON CONFLICT (shop_id, day, term) DO UPDATE SET reviews = k.reviews + excluded.reviews""";
    private static final String DELETE_UNUSED_KEYWORDS = """
            DELETE FROM analytics_keyword k USING unnest(?::uuid[], ?::date[], ?::text[]) AS gone(shop_id, day, term)
            WHERE k.shop_id = gone.shop_id AND k.day = gone.day AND k.term = gone.term AND k.reviews <= 0""";
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
                flushDays(con, batch);
                flushKeywords(con, batch);
                return null;
            });
        }
    }

    void clear() {
        jdbc.execute("TRUNCATE analytics_review, analytics_day, analytics_keyword, analytics_shop");
    }

    private static void bindReviews(Connection con, PreparedStatement ps, Collection<ReviewFacts> reviews)
            throws SQLException {
        int n = reviews.size();
        Object[] ids = new Object[n];
        Object[] shops = new Object[n];
        String[] days = new String[n];
        String[] created = new String[n];
        Integer[] ratings = new Integer[n];
        String[] sentiments = new String[n];
        String[] keywords = new String[n];
        Boolean[] replied = new Boolean[n];
        String[] published = new String[n];
        Double[] minutes = new Double[n];
        String[] drafts = new String[n];
        String[] outcomes = new String[n];
        Long[] versions = new Long[n];
        int i = 0;
        for (ReviewFacts r : reviews) {
            ids[i] = r.reviewId();
            shops[i] = r.shopId();
            days[i] = r.day().toString();
            created[i] = r.createdAt() == null ? null : r.createdAt().toString();
            ratings[i] = r.rating();
            sentiments[i] = r.sentiment().name();
            keywords[i] = String.join(" ", r.keywords());
            replied[i] = r.replied();
            published[i] = r.publishedAt() == null ? null : r.publishedAt().toString();
            minutes[i] = r.responseMinutes();
            drafts[i] = r.draft().name();
            outcomes[i] = r.aiOutcome().name();
            versions[i] = r.version();
            i++;
        }
        int p = 1;
        ps.setArray(p++, con.createArrayOf("uuid", ids));
        ps.setArray(p++, con.createArrayOf("uuid", shops));
        ps.setArray(p++, con.createArrayOf("text", days));
        ps.setArray(p++, con.createArrayOf("text", created));
        ps.setArray(p++, con.createArrayOf("int4", ratings));
        ps.setArray(p++, con.createArrayOf("text", sentiments));
        ps.setArray(p++, con.createArrayOf("text", keywords));
        ps.setArray(p++, con.createArrayOf("bool", replied));
        ps.setArray(p++, con.createArrayOf("text", published));
        ps.setArray(p++, con.createArrayOf("float8", minutes));
        ps.setArray(p++, con.createArrayOf("text", drafts));
        ps.setArray(p++, con.createArrayOf("text", outcomes));
        ps.setArray(p, con.createArrayOf("int8", versions));
    }

    private static void flushDays(Connection con, AnalyticsBatch batch) throws SQLException {
        List<Map.Entry<AnalyticsBatch.DayKey, DayTotals>> rows = batch.days().entrySet().stream()
                .filter(e -> !e.getValue().isZero()).toList();
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Object[] shops = new Object[n];
        String[] days = new String[n];
        Long[][] columns = new Long[DayTotals.COLUMNS.length][n];
        for (int i = 0; i < n; i++) {
            shops[i] = rows.get(i).getKey().shopId();
            days[i] = rows.get(i).getKey().day().toString();
            long[] values = rows.get(i).getValue().values;
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
        }
        try (PreparedStatement ps = con.prepareStatement(UPSERT_DAYS)) {
            ps.setArray(1, con.createArrayOf("uuid", shops));
            ps.setArray(2, con.createArrayOf("text", days));
            for (int c = 0; c < columns.length; c++) {
                ps.setArray(3 + c, con.createArrayOf("int8", columns[c]));
            }
            ps.executeUpdate();
        }
    }

    private static void flushKeywords(Connection con, AnalyticsBatch batch) throws SQLException {
        List<Map.Entry<AnalyticsBatch.TermKey, long[]>> rows = batch.terms().entrySet().stream()
                .filter(e -> e.getValue()[0] != 0).toList();
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Object[] shops = new Object[n];
        String[] days = new String[n];
        String[] terms = new String[n];
        Long[] counts = new Long[n];
        boolean anyTakenBack = false;
        for (int i = 0; i < n; i++) {
            AnalyticsBatch.TermKey key = rows.get(i).getKey();
            shops[i] = key.shopId();
            days[i] = key.day().toString();
            terms[i] = key.term();
            counts[i] = rows.get(i).getValue()[0];
            anyTakenBack |= counts[i] < 0;
        }
        Array shopArray = con.createArrayOf("uuid", shops);
        Array dayArray = con.createArrayOf("text", days);
        Array termArray = con.createArrayOf("text", terms);
        try (PreparedStatement ps = con.prepareStatement(UPSERT_KEYWORDS)) {
            ps.setArray(1, shopArray);
            ps.setArray(2, dayArray);
            ps.setArray(3, termArray);
            ps.setArray(4, con.createArrayOf("int8", counts));
            ps.executeUpdate();
        }
        if (anyTakenBack) {
            try (PreparedStatement ps = con.prepareStatement(DELETE_UNUSED_KEYWORDS)) {
                ps.setArray(1, shopArray);
                ps.setArray(2, dayArray);
                ps.setArray(3, termArray);
                ps.executeUpdate();
            }
        }
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

    private static String upsertDays() {
        String columns = String.join(", ", DayTotals.COLUMNS);
        StringBuilder arrays = new StringBuilder("?::uuid[], ?::date[]");
        StringBuilder sums = new StringBuilder();
        for (String column : DayTotals.COLUMNS) {
            arrays.append(", ?::int8[]");
            sums.append(sums.isEmpty() ? "" : ", ").append(column).append(" = d.").append(column)
                    .append(" + excluded.").append(column);
        }
        return "INSERT INTO analytics_day AS d (shop_id, day, " + columns + ") SELECT * FROM unnest(" + arrays
                + ") ON CONFLICT (shop_id, day) DO UPDATE SET " + sums;
    }

}
