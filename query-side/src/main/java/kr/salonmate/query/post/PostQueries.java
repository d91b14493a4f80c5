package kr.salonmate.query.post;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.post.FindPost;
import kr.salonmate.messages.post.FindPosts;
import kr.salonmate.messages.post.PostView;
import kr.salonmate.messages.post.WatchShopPosts;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Answers from the posts read model. Every query is scoped to one shop: another shop's post is not found. */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class PostQueries {

    /** The page a {@link WatchShopPosts} subscriber starts with. */
    public static final int FIRST_PAGE_SIZE = 20;
    private static final int MAX_PAGE_SIZE = 100;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final PostRows rows;

    PostQueries(PostRows rows) {
        this.rows = rows;
    }

    /** A {@code PageResult<PostView>}, declared raw as Axon matches {@code instanceOf(PageResult.class)}. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(FindPosts query) {
        return page(query);
    }

    /** No result (an empty {@code Optional}) when the post does not exist in that shop. */
    @QueryHandler
    public Optional<PostView> handle(FindPost query) {
        return rows.findById(query.postId().value())
                .filter(row -> row.shopId().equals(query.shopId()))
                .map(PostRow::toView);
    }

    /** Initial result of the subscription: the newest page; its updates are single {@code PostView}s. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(WatchShopPosts query) {
        return page(new FindPosts(query.shopId(), null, 0, FIRST_PAGE_SIZE));
    }

    private PageResult<PostView> page(FindPosts query) {
        int page = Math.max(query.page(), 0);
        int size = Math.min(Math.max(query.size(), 1), MAX_PAGE_SIZE);
        Page<PostRow> found = rows.findAll(matching(query), PageRequest.of(page, size, NEWEST_FIRST));
        return new PageResult<>(found.map(PostRow::toView).getContent(), page, size, found.getTotalElements());
    }

    private static Specification<PostRow> matching(FindPosts query) {
        return (root, criteria, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("shopId"), query.shopId().value()));
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
