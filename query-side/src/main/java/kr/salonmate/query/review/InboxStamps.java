package kr.salonmate.query.review;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import kr.salonmate.query.QuerySideModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * How the review-inbox projection writes {@code review_inbox_shop}: per shop, its number of reviews and a stamp
 * that changes with every batch that changed the shop's rows (ADR 32). Called once per batch, inside the batch's
 * transaction and after its rows are flushed, so the stamp commits together with the rows it stands for.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
class InboxStamps {

    private final NamedParameterJdbcTemplate jdbc;

    InboxStamps(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * New stamps for these shops (and, with {@code everyShop}, for all others too), and new counts for the shops the
     * batch added reviews to ({@code grown}; a batch that only changed reviews leaves a count as it is, unless the
     * shop's row is new). The rows are locked first, in the order of their ids, and counted in a statement after
     * that: another segment's batch that changed the same shop has committed by the time the lock is ours, and a new
     * statement sees its rows (read committed), so concurrent batches cannot leave a count that misses the other's
     * reviews. The order keeps two batches from waiting on each other's locks.
     */
    void stamp(Collection<UUID> shops, Collection<UUID> grown, boolean everyShop) {
        List<UUID> sorted = Stream.concat(shops.stream(), grown.stream()).distinct().sorted().toList();
        if (everyShop) {
            jdbc.getJdbcTemplate().update("""
                    UPDATE review_inbox_shop SET stamp = nextval('review_inbox_stamp') WHERE shop_id IN
                        (SELECT shop_id FROM review_inbox_shop ORDER BY shop_id FOR UPDATE)""");
        }
        if (sorted.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO review_inbox_shop (shop_id, reviews, stamp) VALUES (:shop, 0, nextval('review_inbox_stamp'))
                ON CONFLICT (shop_id) DO UPDATE SET stamp = EXCLUDED.stamp""",
                sorted.stream().map(shop -> new MapSqlParameterSource("shop", shop)).toArray(SqlParameterSource[]::new));
        // a row just made by the insert above has no count yet (0: a shop with a row has reviews), so it is counted too
        String uncounted = grown.isEmpty() ? "i.reviews = 0" : "(i.shop_id IN (:grown) OR i.reviews = 0)";
        jdbc.update("""
                UPDATE review_inbox_shop i SET reviews = (SELECT count(*) FROM review_view v WHERE v.shop_id = i.shop_id)
                WHERE i.shop_id IN (:shops) AND\s""" + uncounted, new MapSqlParameterSource("shops", sorted)
                .addValue("grown", List.copyOf(grown)));
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().update("DELETE FROM review_inbox_shop");
    }
}
