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
 * Answers {@link FetchAnalytics} from the analytics tables: the day counters summed per bucket, medians over the
 * reviews of each bucket, keywords and sentiment over the whole range. Every bucket of the range is returned.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class AnalyticsQueries {

    static final int KEYWORDS = 20;

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

        Map<LocalDate, long[]> totals = new HashMap<>();
        String sums = String.join(", ", java.util.Arrays.stream(DayTotals.COLUMNS).map(c -> "sum(" + c + ")").toList());
        jdbc.query("SELECT date_trunc(:unit, day::timestamp)::date AS bucket, " + sums
                + " FROM analytics_day WHERE shop_id = :shopId AND day BETWEEN :from AND :to GROUP BY 1", params, rs -> {
            long[] values = new long[DayTotals.COLUMNS.length];
            for (int c = 0; c < values.length; c++) {
                values[c] = rs.getLong(2 + c);
            }
            totals.put(rs.getObject("bucket", LocalDate.class), values);
        });
        Map<LocalDate, Double> medians = new HashMap<>();
        jdbc.query("""
                SELECT date_trunc(:unit, day::timestamp)::date AS bucket,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY response_minutes) AS median
                FROM analytics_review
                WHERE shop_id = :shopId AND day BETWEEN :from AND :to AND response_minutes IS NOT NULL
                GROUP BY 1""", params, rs -> {
            medians.put(rs.getObject("bucket", LocalDate.class), rs.getDouble("median"));
        });
        List<AnalyticsView.Keyword> keywords = jdbc.query("""
                SELECT term, sum(reviews) AS reviews FROM analytics_keyword
                WHERE shop_id = :shopId AND day BETWEEN :from AND :to
                GROUP BY term HAVING sum(reviews) > 0 ORDER BY sum(reviews) DESC, term LIMIT :limit""",
                params.addValue("limit", KEYWORDS),
                (rs, i) -> new AnalyticsView.Keyword(rs.getString("term"), rs.getLong("reviews")));

        List<AnalyticsView.Bucket> buckets = new ArrayList<>();
        long[] sentiment = new long[3];
        for (LocalDate start = startOf(query.from(), bucket); !start.isAfter(query.to());
             start = next(start, bucket)) {
            long[] v = totals.getOrDefault(start, new long[DayTotals.COLUMNS.length]);
            buckets.add(bucket(start, v, medians.get(start)));
            for (int s = 0; s < 3; s++) {
                sentiment[s] += v[DayTotals.POSITIVE + s];
            }
        }
        return new AnalyticsView(buckets, new AnalyticsView.Sentiment(sentiment[0], sentiment[1], sentiment[2]),
                keywords);
    }

    private static AnalyticsView.Bucket bucket(LocalDate start, long[] v, Double median) {
        long reviews = v[DayTotals.REVIEWS];
        Map<String, Long> ratings = new LinkedHashMap<>();
        for (int stars = 1; stars <= 5; stars++) {
            ratings.put(Integer.toString(stars), v[stars]);
        }
        return new AnalyticsView.Bucket(start, reviews,
                reviews == 0 ? null : (double) v[DayTotals.RATING_SUM] / reviews, ratings, v[DayTotals.REPLIES],
                reviews == 0 ? 0.0 : (double) v[DayTotals.REPLIES] / reviews, median, v[DayTotals.AI_UNCHANGED],
                v[DayTotals.AI_EDITED]);
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
