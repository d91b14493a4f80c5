package kr.salonmate.query.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import kr.salonmate.messages.review.DashboardView;
import kr.salonmate.messages.review.FetchDashboard;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes a shop's dashboard from the dashboard tables: new = NEW + DRAFTING, awaiting approval = DRAFTED,
 * published = PUBLISHED, failed = PUBLISH_FAILED; the reply rate counts replies published by SalonMate and those
 * found at the source; the median response time is over the replies SalonMate published. Posts count as scheduled
 * while waiting for their time and as published once Instagram has them.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class DashboardQueries {

    private static final String COUNTERS = """
            SELECT count(*) AS total,
                   count(*) FILTER (WHERE status IN ('NEW', 'DRAFTING')) AS new_count,
                   count(*) FILTER (WHERE status = 'DRAFTED') AS awaiting_approval,
                   count(*) FILTER (WHERE status = 'PUBLISHED') AS published,
                   count(*) FILTER (WHERE status = 'PUBLISH_FAILED') AS failed,
                   count(*) FILTER (WHERE status IN ('PUBLISHED', 'REPLIED_ELSEWHERE')) AS replied,
                   avg(rating)::float8 AS average_rating,
                   percentile_cont(0.5) WITHIN GROUP (
                       ORDER BY extract(epoch FROM published_at - review_created_at)::float8 / 60)
                       FILTER (WHERE published_at IS NOT NULL) AS median_response_minutes,
                   (SELECT last_sync_at FROM dashboard_shop WHERE shop_id = :shopId) AS last_sync_at,
                   (SELECT quota_exceeded FROM dashboard_shop WHERE shop_id = :shopId) AS quota_exceeded,
                   (SELECT count(*) FROM dashboard_post WHERE shop_id = :shopId AND status = 'SCHEDULED')
                       AS posts_scheduled,
                   (SELECT count(*) FROM dashboard_post WHERE shop_id = :shopId AND status = 'PUBLISHED')
                       AS posts_published
            FROM dashboard_review
            WHERE shop_id = :shopId
            """;

    private final NamedParameterJdbcTemplate jdbc;

    DashboardQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Also the subscription query of the live dashboard: every update is the whole new {@link DashboardView}. */
    @QueryHandler
    public DashboardView handle(FetchDashboard query) {
        return dashboardOf(query.shopId());
    }

    DashboardView dashboardOf(ShopId shopId) {
        List<DashboardView> result = jdbc.query(COUNTERS,
                new MapSqlParameterSource().addValue("shopId", shopId.value(), Types.OTHER),
                (rs, row) -> toView(rs));
        return result.get(0);
    }

    private static DashboardView toView(ResultSet rs) throws SQLException {
        long total = rs.getLong("total");
        long replied = rs.getLong("replied");
        OffsetDateTime lastSync = rs.getObject("last_sync_at", OffsetDateTime.class);
        return new DashboardView(
                new DashboardView.ReviewCounts(total, rs.getLong("new_count"), rs.getLong("awaiting_approval"),
                        rs.getLong("published"), rs.getLong("failed")),
                rs.getObject("average_rating", Double.class),
                total == 0 ? 0.0 : (double) replied / total,
                rs.getObject("median_response_minutes", Double.class),
                new DashboardView.PostCounts(rs.getLong("posts_scheduled"), rs.getLong("posts_published")),
                lastSync == null ? null : lastSync.toInstant(), rs.getBoolean("quota_exceeded"));
    }
}
