package kr.salonmate.query.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.review.FindReviews;
import kr.salonmate.messages.review.ReplyOrigin;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.ReviewStatus;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.shop.ShopId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The inbox's reads as plain SQL on {@code review_view}: one statement for a page (served by the index on
 * {@code (shop_id, created_at DESC, id DESC)}), and a count only when the page cannot tell the total itself. The
 * list is the most requested thing in the product; building a JPA criteria query, hydrating entities and
 * counting on every request cost several times the work (docs/benchmarks.md, "Read API"). The projection still
 * writes the table through {@link ReviewRow}; the view is built by the same rules ({@link ReviewRow#view}).
 */
class InboxReads {

    private static final String COLUMNS = """
            id, shop_id, source, external_id, author, rating, comment, language, created_at, updated_at, status,
            reply_text, reply_origin, reply_model, drafted_at, approved_by_user_id, approved_by_name, approved_at,
            published_at, failure_code, failure_message, failure_at, failure_attempts, version""";

    private final NamedParameterJdbcTemplate jdbc;

    InboxReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    PageResult<ReviewView> page(FindReviews query, int page, int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("shop", query.shopId().value());
        String where = where(query, parameters);
        parameters.addValue("limit", size).addValue("offset", (long) page * size);
        List<ReviewView> items = jdbc.query("SELECT " + COLUMNS + " FROM review_view WHERE " + where
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset", parameters, InboxReads::view);
        long total;
        if (!items.isEmpty() && items.size() < size) {
            total = (long) page * size + items.size(); // the last page: nothing beyond it to count
        } else if (items.isEmpty() && page == 0) {
            total = 0;
        } else {
            Long counted = jdbc.queryForObject("SELECT count(*) FROM review_view WHERE " + where, parameters, Long.class);
            total = counted == null ? 0 : counted;
        }
        return new PageResult<>(items, page, size, total);
    }

    Optional<ReviewView> one(ShopId shop, ReviewId review) {
        return jdbc.query("SELECT " + COLUMNS + " FROM review_view WHERE id = :id AND shop_id = :shop",
                new MapSqlParameterSource("id", review.value()).addValue("shop", shop.value()), InboxReads::view)
                .stream().findFirst();
    }

    private static String where(FindReviews query, MapSqlParameterSource parameters) {
        StringBuilder where = new StringBuilder("shop_id = :shop");
        if (query.status() != null) {
            where.append(" AND status = :status");
            parameters.addValue("status", query.status().name());
        }
        if (query.rating() != null) {
            where.append(" AND rating = :rating");
            parameters.addValue("rating", query.rating());
        }
        if (query.source() != null) {
            where.append(" AND source = :source");
            parameters.addValue("source", query.source().name());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND (lower(comment) LIKE :text ESCAPE '\\' OR lower(author) LIKE :text ESCAPE '\\')");
            parameters.addValue("text", "%" + escapeLike(query.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return where.toString();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ReviewView view(ResultSet rs, int row) throws SQLException {
        Integer failureAttempts = (Integer) rs.getObject("failure_attempts");
        return ReviewRow.view(rs.getObject("id", UUID.class), rs.getObject("shop_id", UUID.class),
                ReviewSource.valueOf(rs.getString("source")), rs.getString("external_id"), rs.getString("author"),
                rs.getInt("rating"), rs.getString("comment"), rs.getString("language"), instant(rs, "created_at"),
                instant(rs, "updated_at"), ReviewStatus.valueOf(rs.getString("status")), rs.getString("reply_text"),
                enumOrNull(rs.getString("reply_origin")), rs.getString("reply_model"), instant(rs, "drafted_at"),
                rs.getObject("approved_by_user_id", UUID.class), rs.getString("approved_by_name"),
                instant(rs, "approved_at"), instant(rs, "published_at"), rs.getString("failure_code"),
                rs.getString("failure_message"), instant(rs, "failure_at"), failureAttempts,
                rs.getLong("version"));
    }

    private static ReplyOrigin enumOrNull(String name) {
        return name == null ? null : ReplyOrigin.valueOf(name);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
