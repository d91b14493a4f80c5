package kr.salonmate.query.analytics;

import java.time.LocalDate;
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
 * What one batch of events changes, held in memory and written at the end of the batch in a few set-based
 * statements ({@link AnalyticsStore#flush}). Reviews are read once per batch: on the first look-up, every review
 * the batch's events name is loaded in one query.
 */
final class AnalyticsBatch {

    record DayKey(UUID shopId, LocalDate day) {
    }

    record TermKey(UUID shopId, LocalDate day, String term) {
    }

    private final Map<UUID, ReviewFacts> reviews = new HashMap<>();
    private final Set<UUID> looked = new HashSet<>();
    private final Map<UUID, ReviewFacts> changed = new LinkedHashMap<>();
    private final Map<DayKey, DayTotals> days = new HashMap<>();
    private final Map<TermKey, long[]> terms = new HashMap<>();
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

    /** Replaces the review's facts: its old share of the counters is taken back and its new share added. */
    void replace(ReviewFacts before, ReviewFacts after) {
        if (before != null && before.shopId().equals(after.shopId()) && before.day().equals(after.day())) {
            DayTotals day = day(after);
            day.add(before, -1);
            day.add(after, 1);
            if (!before.keywords().equals(after.keywords())) {
                countTerms(before, -1);
                countTerms(after, 1);
            } // else: most events (a draft, an approval, a reply) leave the day's keywords as they were
        } else {
            if (before != null) {
                day(before).add(before, -1);
                countTerms(before, -1);
            }
            day(after).add(after, 1);
            countTerms(after, 1);
        }
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

    Map<DayKey, DayTotals> days() {
        return days;
    }

    Map<TermKey, long[]> terms() {
        return terms;
    }

    Map<UUID, ZoneId> zones() {
        return zones;
    }

    boolean isEmpty() {
        return changed.isEmpty() && zones.isEmpty();
    }

    private DayTotals day(ReviewFacts review) {
        return days.computeIfAbsent(new DayKey(review.shopId(), review.day()), key -> new DayTotals());
    }

    private void countTerms(ReviewFacts review, int sign) {
        for (String term : review.keywords()) {
            terms.computeIfAbsent(new TermKey(review.shopId(), review.day(), term), key -> new long[1])[0] += sign;
        }
    }
}
