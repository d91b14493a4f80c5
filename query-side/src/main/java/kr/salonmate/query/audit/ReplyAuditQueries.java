package kr.salonmate.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.common.ActorType;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.review.AuditAction;
import kr.salonmate.messages.review.AuditChunk;
import kr.salonmate.messages.review.AuditCursor;
import kr.salonmate.messages.review.AuditEntry;
import kr.salonmate.messages.review.FetchReviewHistory;
import kr.salonmate.messages.review.FindAuditEntries;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ScrollAuditEntries;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers from the audit trail: one review's history, and the shop-wide trail (paged, or in chunks for exports),
 * which holds the shop's plan changes and payments beside its reviews' entries.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class ReplyAuditQueries {

    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_CHUNK = 5_000;
    /** Where a billing entry (no review) sorts among reviews' entries of the same instant. */
    private static final UUID NO_REVIEW = new UUID(0, 0);
    /**
     * The shop's whole trail: its reviews' entries and its plan and payment entries (written by the billing
     * projection), with one sort key so that paging and export cursors run over both.
     */
    private static final String TRAIL = """
            (SELECT review_id, review_id AS entry_key, sequence, occurred_at, action, actor_type, actor_user_id,
                    actor_name, text, previous_text, model, detail, NULL::varchar AS order_id, NULL::bigint AS amount
               FROM reply_audit WHERE %1$s
             UNION ALL
             SELECT NULL::uuid, '00000000-0000-0000-0000-000000000000'::uuid, sequence, occurred_at, action,
                    actor_type, actor_user_id, actor_name, NULL, NULL, NULL, detail, order_id, amount
               FROM billing_audit WHERE %1$s) trail""";
    private static final RowMapper<AuditEntry> ENTRY = (rs, i) -> entry(rs);

    private final AuditRows rows;
    private final NamedParameterJdbcTemplate jdbc;

    ReplyAuditQueries(AuditRows rows, NamedParameterJdbcTemplate jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    /** The review's history, oldest first; empty for an unknown review or one of another shop. */
    @QueryHandler
    public List<AuditEntry> handle(FetchReviewHistory query) {
        return rows.findByReviewIdAndShopIdOrderBySequenceAsc(query.reviewId().value(), query.shopId().value())
                .stream().map(AuditRow::toEntry).toList();
    }

    /**
     * The shop's trail, newest first. A {@code PageResult<AuditEntry>}, declared raw because Axon matches
     * {@code ResponseTypes.instanceOf(PageResult.class)} only against a raw {@code PageResult}.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(FindAuditEntries query) {
        int page = Math.max(query.page(), 0);
        int size = Math.min(Math.max(query.size(), 1), MAX_PAGE_SIZE);
        MapSqlParameterSource params = filter(query.shopId().value(), query.from(), query.to(), query.actorId(),
                query.action());
        String where = where(query.actorId(), query.action());
        Long total = jdbc.queryForObject("SELECT count(*) FROM " + TRAIL.formatted(where), params, Long.class);
        List<AuditEntry> items = jdbc.query("SELECT * FROM " + TRAIL.formatted(where)
                        + " ORDER BY occurred_at DESC, entry_key DESC, sequence DESC LIMIT :limit OFFSET :offset",
                params.addValue("limit", size).addValue("offset", (long) page * size), ENTRY);
        return new PageResult<>(items, page, size, total == null ? 0 : total);
    }

    /** The next chunk of the shop's trail, oldest first, after the cursor (keyset paging: no OFFSET to rescan). */
    @QueryHandler
    public AuditChunk handle(ScrollAuditEntries query) {
        int limit = Math.min(Math.max(query.limit(), 1), MAX_CHUNK);
        MapSqlParameterSource params = filter(query.shopId().value(), query.from(), query.to(), query.actorId(),
                query.action());
        String where = where(query.actorId(), query.action());
        String after = "";
        if (query.after() != null) {
            AuditCursor cursor = query.after();
            after = " WHERE (occurred_at, entry_key, sequence) > (:afterAt, :afterKey, :afterSequence)";
            params.addValue("afterAt", utc(cursor.at()), Types.TIMESTAMP_WITH_TIMEZONE)
                    .addValue("afterKey", cursor.reviewId() == null ? NO_REVIEW : cursor.reviewId().value(),
                            Types.OTHER)
                    .addValue("afterSequence", cursor.sequence(), Types.BIGINT);
        }
        List<AuditEntry> items = jdbc.query("SELECT * FROM " + TRAIL.formatted(where) + after
                + " ORDER BY occurred_at, entry_key, sequence LIMIT :limit", params.addValue("limit", limit), ENTRY);
        AuditCursor next = items.size() < limit ? null : AuditCursor.of(items.get(items.size() - 1));
        return new AuditChunk(items, next);
    }

    private static String where(UUID actorId, AuditAction action) {
        return "shop_id = :shopId AND occurred_at >= :from AND occurred_at < :to"
                + (actorId == null ? "" : " AND actor_user_id = :actorId")
                + (action == null ? "" : " AND action = :action");
    }

    private static MapSqlParameterSource filter(UUID shopId, Instant from, Instant to, UUID actorId,
                                                AuditAction action) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("shopId", shopId, Types.OTHER)
                .addValue("from", utc(from == null ? Instant.EPOCH : from), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("to", utc(to == null ? Instant.parse("9999-12-31T00:00:00Z") : to),
                        Types.TIMESTAMP_WITH_TIMEZONE);
        if (actorId != null) {
            params.addValue("actorId", actorId, Types.OTHER);
        }
        if (action != null) {
            params.addValue("action", action.name(), Types.VARCHAR);
        }
        return params;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        UUID reviewId = rs.getObject("review_id", UUID.class);
        return new AuditEntry(reviewId == null ? null : new ReviewId(reviewId), rs.getLong("sequence"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                AuditAction.valueOf(rs.getString("action")),
                new Actor(ActorType.valueOf(rs.getString("actor_type")), rs.getObject("actor_user_id", UUID.class),
                        rs.getString("actor_name")),
                rs.getString("text"), rs.getString("previous_text"), rs.getString("model"), detail(rs));
    }

    /** A billing entry's detail names its order and amount before what the projection wrote. */
    private static String detail(ResultSet rs) throws SQLException {
        String orderId = rs.getString("order_id");
        long amount = rs.getLong("amount");
        boolean hasAmount = !rs.wasNull();
        String detail = rs.getString("detail");
        if (orderId == null && !hasAmount) {
            return detail;
        }
        StringJoiner parts = new StringJoiner(", ");
        if (orderId != null) {
            parts.add("orderId " + orderId);
        }
        if (hasAmount) {
            parts.add(amount + " KRW");
        }
        if (detail != null && !detail.isBlank()) {
            parts.add(detail);
        }
        return parts.toString();
    }
}
