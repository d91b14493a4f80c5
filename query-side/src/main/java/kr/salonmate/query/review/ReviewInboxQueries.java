package kr.salonmate.query.review;

import java.util.Optional;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.review.FetchSyncedReviews;
import kr.salonmate.messages.review.FindReview;
import kr.salonmate.messages.review.FindReviews;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.review.SyncedReviews;
import kr.salonmate.messages.review.WatchShopReviews;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers from the review inbox. Every query is scoped to one shop: another shop's review is not found. */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class ReviewInboxQueries {

    /** The page a {@link WatchShopReviews} subscriber starts with (an unfiltered first page, as the list's). */
    public static final int FIRST_PAGE_SIZE = 20;
    private static final int MAX_PAGE_SIZE = 100;

    private final InboxReads reads;
    private final InboxFirstPages firstPages;

    ReviewInboxQueries(NamedParameterJdbcTemplate jdbc, InboxFirstPages firstPages) {
        this.reads = new InboxReads(jdbc);
        this.firstPages = firstPages;
    }

    /**
     * A {@code PageResult<ReviewView>}. The return type is declared raw because Axon matches
     * {@code ResponseTypes.instanceOf(PageResult.class)} only against a raw {@code PageResult}.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(FindReviews query) {
        return page(query);
    }

    /**
     * An unfiltered list takes its total from the shop's row in {@code review_inbox_shop} (one primary-key look-up
     * instead of a count), and its first page may come from this node's copy read at the same stamp
     * ({@link InboxFirstPages}). A shop without that row (no reviews yet, or a replay that has not reached it) is
     * read and counted as any filtered list is.
     */
    private PageResult<ReviewView> page(FindReviews query) {
        int page = Math.max(query.page(), 0);
        int size = Math.min(Math.max(query.size(), 1), MAX_PAGE_SIZE);
        if (!InboxReads.unfiltered(query)) {
            return reads.page(query, page, size);
        }
        var stamp = reads.stamp(query.shopId()).orElse(null);
        if (stamp == null) {
            return reads.page(query, page, size);
        }
        if (page > 0) {
            return reads.page(query, page, size, stamp.reviews());
        }
        // the stamp is read before the page: a change committed in between leaves the copy stale, never current
        return firstPages.page(query.shopId().value(), size, stamp.stamp(),
                () -> reads.page(query, 0, size, stamp.reviews()));
    }

    @QueryHandler
    public SyncedReviews handle(FetchSyncedReviews query) {
        return reads.synced(query);
    }

    /** No result (an empty {@code Optional}) when the review does not exist in that shop. */
    @QueryHandler
    public Optional<ReviewView> handle(FindReview query) {
        return reads.one(query.shopId(), query.reviewId());
    }

    /**
     * Initial result of the subscription: the newest page, a {@code PageResult<ReviewView>} (declared raw, as
     * above); its updates are single {@code ReviewView}s.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(WatchShopReviews query) {
        return page(new FindReviews(query.shopId(), null, null, null, null, 0, FIRST_PAGE_SIZE));
    }
}
