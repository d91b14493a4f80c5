package kr.salonmate.query.analytics;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What one batch of events changes, held in memory and written at the end of the batch in one set-based
 * statement ({@link AnalyticsStore#flush}): the reviews' new facts, each review once however many of its events the
 * batch holds. Reviews are read once per batch: on the first look-up, every review the batch's events name is
 * loaded in one query.
 */
final class AnalyticsBatch {

    private final Map<UUID, ReviewFacts> reviews = new HashMap<>();
    private final Set<UUID> looked = new HashSet<>();
    private final Map<UUID, ReviewFacts> changed = new LinkedHashMap<>();
    private final Map<UUID, ZoneId> zones = new LinkedHashMap<>();
    private final Function<Collection<UUID>, Map<UUID, ReviewFacts>> loader;
    private final Map<String, ReviewText.Analysis> texts;
    private final boolean replay;
    private Collection<UUID> prefetch;

    /**
     * @param prefetch the reviews this batch's events name: loaded together on the first look-up
     * @param loader   reads reviews from the table
     * @param texts    review texts analysed ahead, by event identifier
     * @param replay   whether the batch's events are replayed (the tables are being rebuilt)
     */
    AnalyticsBatch(Collection<UUID> prefetch, Function<Collection<UUID>, Map<UUID, ReviewFacts>> loader,
                   Map<String, ReviewText.Analysis> texts, boolean replay) {
        this.prefetch = prefetch;
        this.loader = loader;
        this.texts = texts;
        this.replay = replay;
    }

    boolean isReplay() {
        return replay;
    }

    /** The analysis of the text an event carries: done ahead for the batch, or now. */
    ReviewText.Analysis text(String eventId, java.util.function.Supplier<ReviewText.Analysis> analyse) {
        ReviewText.Analysis ready = texts.get(eventId);
        return ready != null ? ready : analyse.get();
    }

    /** The review as the batch knows it, or null when analytics has never seen it received. */
    ReviewFacts review(UUID reviewId) {
        if (!looked.contains(reviewId)) {
            Set<UUID> wanted = new HashSet<>();
            wanted.add(reviewId);
            if (prefetch != null) {
                prefetch.stream().filter(id -> !looked.contains(id)).forEach(wanted::add);
                prefetch = null;
            }
            reviews.putAll(loader.apply(wanted));
            looked.addAll(wanted);
        }
        return reviews.get(reviewId);
    }

    /** Replaces the review's facts (the day's counters and keywords are summed from them when asked). */
    void replace(ReviewFacts after) {
        reviews.put(after.reviewId(), after);
        looked.add(after.reviewId());
        changed.put(after.reviewId(), after);
    }

    void zone(UUID shopId, ZoneId zone) {
        zones.put(shopId, zone);
    }

    ZoneId zoneOf(UUID shopId) {
        return zones.get(shopId);
    }

    Collection<ReviewFacts> changedReviews() {
        return changed.values();
    }

    Map<UUID, ZoneId> zones() {
        return zones;
    }

    boolean isEmpty() {
        return changed.isEmpty() && zones.isEmpty();
    }
}
