package kr.salonmate.query.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.review.FetchSyncedReviews;
import kr.salonmate.messages.review.FindReviews;
import kr.salonmate.messages.review.AutoPublishHold;
import kr.salonmate.messages.review.ReplyOrigin;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.ReviewStatus;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.review.SyncedReviews;
import kr.salonmate.messages.shop.ShopId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The inbox's reads as plain SQL on {@code review_view}: one statement for a page (served by the index on
 * {@code (shop_id, created_at DESC, id DESC)}), and a count only when the page cannot tell the total itself. The
 * list is the most requested thing in the product; building a JPA criteria query, hydrating entities and
 * counting on every request cost several times the work (docs/benchmarks.md, "Read API"). The projection still
 * writes the table through {@link ReviewRow}; the view is built by the same rules ({@link ReviewRow#view}).
 * An unfiltered list takes its total from {@code review_inbox_shop} instead of counting (ADR 32).
 */
class InboxReads {

    private static final String COLUMNS = """
            id, shop_id, source, external_id, author, rating, comment, language, created_at, updated_at, status,
            reply_text, reply_origin, reply_model, drafted_at, approved_by_user_id, approved_by_name, approved_at,
            published_at, failure_code, failure_message, failure_at, failure_attempts, version, auto_publish_hold""";

    private final NamedParameterJdbcTemplate jdbc;

    InboxReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every review of a shop from one source, as much as a sync compares (one statement, no paging). */
    SyncedReviews synced(FetchSyncedReviews query) {
        return new SyncedReviews(jdbc.query(
                "SELECT id, rating, comment, status, reply_text FROM review_view WHERE shop_id = :shop AND source = :source",
                new MapSqlParameterSource("shop", query.shopId().value()).addValue("source", query.source().name()),
                (rs, row) -> new SyncedReviews.Known(new ReviewId(rs.getObject(1, UUID.class)), rs.getInt(2),
                        rs.getString(3), ReviewStatus.valueOf(rs.getString(4)), rs.getString(5))));
    }

    /** A shop's count of reviews and stamp, as the projection last wrote them ({@link InboxStamps}). */
    record ShopStamp(long reviews, long stamp) {
    }

    /** Empty when the shop has no reviews yet, or while a replay has not come to it. One primary-key look-up. */
    Optional<ShopStamp> stamp(ShopId shop) {
        return jdbc.query("SELECT reviews, stamp FROM review_inbox_shop WHERE shop_id = :shop",
                new MapSqlParameterSource("shop", shop.value()), (rs, row) -> new ShopStamp(rs.getLong(1), rs.getLong(2)))
                .stream().findFirst();
    }

    /** A page, with its total counted when the page cannot tell it. */
    PageResult<ReviewView> page(FindReviews query, int page, int size) {
        return page(query, page, size, null);
    }

    /** A page; {@code knownTotal}, when not null, is the total (no count). */
    PageResult<ReviewView> page(FindReviews query, int page, int size, Long knownTotal) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("shop", query.shopId().value());
        String where = where(query, parameters);
        parameters.addValue("limit", size).addValue("offset", (long) page * size);
        List<ReviewView> items = jdbc.query("SELECT " + COLUMNS + " FROM review_view WHERE " + where
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset", parameters, InboxReads::view);
        long total;
        if (knownTotal != null) {
            total = knownTotal;
        } else if (!items.isEmpty() && items.size() < size) {
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

    /** No filter: the list is every review of the shop (a blank text filters nothing, as {@link #where} reads it). */
    static boolean unfiltered(FindReviews query) {
        return query.status() == null && query.rating() == null && query.source() == null
                && (query.text() == null || query.text().isBlank());
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

    /** Columns by position, in the order of {@link #COLUMNS}: a label look-up per value was a tenth of a list. */
    private static ReviewView view(ResultSet rs, int row) throws SQLException {
        Integer failureAttempts = (Integer) rs.getObject(23);
        return ReviewRow.view(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                ReviewSource.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7),
                rs.getString(8), instant(rs, 9), instant(rs, 10), ReviewStatus.valueOf(rs.getString(11)),
                rs.getString(12), enumOrNull(rs.getString(13)), rs.getString(14), instant(rs, 15),
                rs.getObject(16, UUID.class), rs.getString(17), instant(rs, 18), instant(rs, 19), rs.getString(20),
                rs.getString(21), instant(rs, 22), failureAttempts, rs.getLong(24),
                rs.getString(25) == null ? null : AutoPublishHold.valueOf(rs.getString(25)));
    }

    private static ReplyOrigin enumOrNull(String name) {
        return name == null ? null : ReplyOrigin.valueOf(name);
    }

    /** Through {@code OffsetDateTime}: the driver's {@code Timestamp} path goes through {@code Calendar}s. */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
