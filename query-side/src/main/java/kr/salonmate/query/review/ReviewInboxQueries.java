package kr.salonmate.query.review;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.review.FindReview;
import kr.salonmate.messages.review.FindReviews;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.review.WatchShopReviews;
import kr.salonmate.query.ConditionalOnQuerySide;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Answers from the review inbox. Every query is scoped to one shop: another shop's review is not found. */
@Component
@ConditionalOnQuerySide
public class ReviewInboxQueries {

    /** The page a {@link WatchShopReviews} subscriber starts with. */
    public static final int FIRST_PAGE_SIZE = 20;
    private static final int MAX_PAGE_SIZE = 100;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final ReviewRows rows;

    ReviewInboxQueries(ReviewRows rows) {
        this.rows = rows;
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

    private PageResult<ReviewView> page(FindReviews query) {
        int page = Math.max(query.page(), 0);
        int size = Math.min(Math.max(query.size(), 1), MAX_PAGE_SIZE);
        Page<ReviewRow> found = rows.findAll(matching(query), PageRequest.of(page, size, NEWEST_FIRST));
        return new PageResult<>(found.map(ReviewRow::toView).getContent(), page, size, found.getTotalElements());
    }

    /** No result (an empty {@code Optional}) when the review does not exist in that shop. */
    @QueryHandler
    public Optional<ReviewView> handle(FindReview query) {
        return rows.findById(query.reviewId().value())
                .filter(row -> row.shopId().equals(query.shopId()))
                .map(ReviewRow::toView);
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

    private static Specification<ReviewRow> matching(FindReviews query) {
        return (root, criteria, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("shopId"), query.shopId().value()));
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status()));
            }
            if (query.rating() != null) {
                where.add(cb.equal(root.get("rating"), query.rating()));
            }
            if (query.source() != null) {
                where.add(cb.equal(root.get("source"), query.source()));
            }
            if (query.text() != null && !query.text().isBlank()) {
                String pattern = "%" + escapeLike(query.text().strip().toLowerCase(Locale.ROOT)) + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("comment")), pattern, '\\'),
                        cb.like(cb.lower(root.get("author")), pattern, '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
