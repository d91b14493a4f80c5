package kr.salonmate.query.review;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.UUID;
import java.util.function.Supplier;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.query.QuerySideModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * This node's copies of shops' unfiltered first inbox pages, each kept with the shop's stamp in
 * {@code review_inbox_shop} as it was read just before the page (ADR 32). The first page is most of the inbox's
 * requests (the list opens on it, a live view starts with it), and it changes only when the review-inbox
 * projection changes the shop, which renews the stamp in the same transaction as the rows. So a copy whose stamp
 * is still the shop's current one is what the table holds now, on every node, without telling nodes anything; a
 * change committed between reading the stamp and the page leaves the copy with the older stamp: stale at the next
 * look, never wrongly current.
 *
 * <p>Bounded: at most {@value #SIZE_PROPERTY} copies (default 256), the least used go first; each holds up to one
 * page of views (20 for the live view, at most 100). {@code 0} keeps nothing: every request reads the page.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
class InboxFirstPages {

    static final String SIZE_PROPERTY = "salonmate.inbox.cached-first-pages";

    private record Key(UUID shop, int size) {
    }

    private record Copy(long stamp, PageResult<ReviewView> page) {
    }

    private final Cache<Key, Copy> copies;

    InboxFirstPages(@Value("${" + SIZE_PROPERTY + ":256}") long maximumSize) {
        this.copies = maximumSize > 0 ? Caffeine.newBuilder().maximumSize(maximumSize).build() : null;
    }

    /**
     * The shop's first page of {@code size} reviews: the copy if it was read at {@code stamp}, otherwise what
     * {@code read} reads now, kept with {@code stamp}. The caller reads {@code stamp} before calling.
     */
    PageResult<ReviewView> page(UUID shop, int size, long stamp, Supplier<PageResult<ReviewView>> read) {
        if (copies == null) {
            return read.get();
        }
        Key key = new Key(shop, size);
        Copy copy = copies.getIfPresent(key);
        if (copy != null && copy.stamp() == stamp) {
            return copy.page();
        }
        PageResult<ReviewView> page = read.get();
        copies.put(key, new Copy(stamp, page));
        return page;
    }
}
