package kr.salonmate.query.analytics;

import java.sql.Date;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.salonmate.messages.analytics.AnalyticsBucket;
import kr.salonmate.messages.analytics.AnalyticsView;
import kr.salonmate.messages.analytics.FetchAnalytics;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FetchAnalytics} from the reviews' rows ({@code analytics_review}): per bucket, one aggregate over
 * the reviews written in it (counters, average, median); keywords and sentiment over the whole range. Every bucket of
 * the range is returned. Summing when asked, rather than keeping per-day counter and keyword tables up to date, makes
 * a replay write one row per review instead of four (ADR 39); the reads stay on the (shop, day) index.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class AnalyticsQueries {

    static final int KEYWORDS = 20;

    /** Per bucket, the counters of {@link Totals} in its order, then the median response time. */
    private static final String BUCKETS = """
            SELECT date_trunc(:unit, day::timestamp)::date AS bucket,
                   count(*),
                   count(*) FILTER (WHERE rating = 1), count(*) FILTER (WHERE rating = 2),
                   count(*) FILTER (WHERE rating = 3), count(*) FILTER (WHERE rating = 4),
                   count(*) FILTER (WHERE rating = 5), coalesce(sum(rating), 0),
                   count(*) FILTER (WHERE replied),
                   count(*) FILTER (WHERE ai_outcome = 'UNCHANGED'), count(*) FILTER (WHERE ai_outcome = 'EDITED'),
                   count(*) FILTER (WHERE sentiment = 'POSITIVE'), count(*) FILTER (WHERE sentiment = 'NEUTRAL'),
                   count(*) FILTER (WHERE sentiment = 'NEGATIVE'),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY response_minutes) AS median
            FROM analytics_review
            WHERE shop_id = :shopId AND day BETWEEN :from AND :to
            GROUP BY 1""";
    /** A review's keywords are distinct and space-separated: each review counts a term once. */
    private static final String KEYWORDS_OF_RANGE = """
            SELECT term, count(*) AS reviews
            FROM analytics_review r CROSS JOIN LATERAL unnest(string_to_array(r.keywords, ' ')) AS term
            WHERE r.shop_id = :shopId AND r.day BETWEEN :from AND :to AND r.keywords <> ''
            GROUP BY term ORDER BY count(*) DESC, term LIMIT :limit""";

    private final NamedParameterJdbcTemplate jdbc;

    AnalyticsQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public AnalyticsView handle(FetchAnalytics query) {
        AnalyticsBucket bucket = query.bucket() == null ? AnalyticsBucket.DAY : query.bucket();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("shopId", query.shopId().value(), Types.OTHER)
                .addValue("from", Date.valueOf(query.from()), Types.DATE)
                .addValue("to", Date.valueOf(query.to()), Types.DATE)
                .addValue("unit", unit(bucket), Types.VARCHAR);

        Map<LocalDate, Totals> totals = new HashMap<>();
        jdbc.query(BUCKETS, params, rs -> {
            long[] values = new long[Totals.COUNTERS];
            for (int c = 0; c < values.length; c++) {
                values[c] = rs.getLong(2 + c);
            }
            Double median = rs.getObject("median", Double.class); // null: no reply of SalonMate's in the bucket
            totals.put(rs.getObject("bucket", LocalDate.class), new Totals(values, median));
        });
        List<AnalyticsView.Keyword> keywords = jdbc.query(KEYWORDS_OF_RANGE, params.addValue("limit", KEYWORDS),
                (rs, i) -> new AnalyticsView.Keyword(rs.getString("term"), rs.getLong("reviews")));

        List<AnalyticsView.Bucket> buckets = new ArrayList<>();
        long[] sentiment = new long[3];
        for (LocalDate start = startOf(query.from(), bucket); !start.isAfter(query.to());
             start = next(start, bucket)) {
            Totals t = totals.getOrDefault(start, Totals.NONE);
            buckets.add(t.bucket(start));
            for (int s = 0; s < 3; s++) {
                sentiment[s] += t.values[Totals.POSITIVE + s];
            }
        }
        return new AnalyticsView(buckets, new AnalyticsView.Sentiment(sentiment[0], sentiment[1], sentiment[2]),
                keywords);
    }

    /** One bucket's counters, in the order of {@link #BUCKETS}' columns, and its median response time. */
    private record Totals(long[] values, Double median) {

        static final int COUNTERS = 13;
        static final int REVIEWS = 0;
        static final int RATING_SUM = 6;
        static final int REPLIES = 7;
        static final int AI_UNCHANGED = 8;
        static final int AI_EDITED = 9;
        static final int POSITIVE = 10;
        static final Totals NONE = new Totals(new long[COUNTERS], null);

        AnalyticsView.Bucket bucket(LocalDate start) {
            long reviews = values[REVIEWS];
            Map<String, Long> ratings = new LinkedHashMap<>();
            for (int stars = 1; stars <= 5; stars++) {
                ratings.put(Integer.toString(stars), values[stars]);
            }
            return new AnalyticsView.Bucket(start, reviews,
                    reviews == 0 ? null : (double) values[RATING_SUM] / reviews, ratings, values[REPLIES],
                    reviews == 0 ? 0.0 : (double) values[REPLIES] / reviews, median, values[AI_UNCHANGED],
                    values[AI_EDITED]);
        }
    }

    static LocalDate startOf(LocalDate day, AnalyticsBucket bucket) {
        return switch (bucket) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate start, AnalyticsBucket bucket) {
        return switch (bucket) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    private static String unit(AnalyticsBucket bucket) {
        return switch (bucket) {
            case DAY -> "day";
            case WEEK -> "week";
            case MONTH -> "month";
        };
    }
}
