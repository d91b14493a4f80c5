package kr.salonmate.query.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What analytics needs to know about one review, as of its event {@code version}: the day it counts on (in the
 * shop's time zone), its current rating, sentiment and keywords, whether and when it was replied to, and what
 * became of the AI's draft. Immutable: an event makes a new one, so a handler that fails halfway changes nothing.
 */
record ReviewFacts(UUID reviewId, UUID shopId, LocalDate day, Instant createdAt, int rating, Sentiment sentiment,
                   List<String> keywords, boolean replied, Instant publishedAt, DraftState draft, AiOutcome aiOutcome,
                   long version) {

    /** Who wrote the reply text as it stands. */
    enum DraftState { NONE, AI, AI_EDITED, HUMAN }

    /** The last approval: of an AI draft as drafted, of an AI draft a person changed, or of no AI draft. */
    enum AiOutcome { NONE, UNCHANGED, EDITED }

    ReviewFacts {
        keywords = List.copyOf(keywords);
    }

    static ReviewFacts received(UUID reviewId, UUID shopId, LocalDate day, Instant createdAt, int rating,
                                ReviewText.Analysis text, long version) {
        return new ReviewFacts(reviewId, shopId, day, createdAt, rating, text.sentiment(), text.keywords(), false, null,
                DraftState.NONE, AiOutcome.NONE, version);
    }

    ReviewFacts rewritten(int newRating, ReviewText.Analysis text, long at) {
        return new ReviewFacts(reviewId, shopId, day, createdAt, newRating, text.sentiment(), text.keywords(), replied,
                publishedAt, draft, aiOutcome, at);
    }

    ReviewFacts drafted(long at) {
        return withDraft(DraftState.AI, at);
    }

    ReviewFacts edited(long at) {
        boolean fromAi = draft == DraftState.AI || draft == DraftState.AI_EDITED;
        return withDraft(fromAi ? DraftState.AI_EDITED : DraftState.HUMAN, at);
    }

    ReviewFacts approved(long at) {
        AiOutcome outcome = switch (draft) {
            case AI -> AiOutcome.UNCHANGED;
            case AI_EDITED -> AiOutcome.EDITED;
            case NONE, HUMAN -> AiOutcome.NONE;
        };
        return new ReviewFacts(reviewId, shopId, day, createdAt, rating, sentiment, keywords, replied, publishedAt,
                draft, outcome, at);
    }

    ReviewFacts published(Instant when, long at) {
        return new ReviewFacts(reviewId, shopId, day, createdAt, rating, sentiment, keywords, true,
                publishedAt != null ? publishedAt : when, draft, aiOutcome, at);
    }

    ReviewFacts repliedAtSource(long at) {
        return new ReviewFacts(reviewId, shopId, day, createdAt, rating, sentiment, keywords, true, publishedAt, draft,
                aiOutcome, at);
    }

    /** Minutes from the review to SalonMate's first published reply; null before one. */
    Double responseMinutes() {
        if (publishedAt == null || createdAt == null) {
            return null;
        }
        return Math.max(0, Duration.between(createdAt, publishedAt).toMillis()) / 60_000.0;
    }

    private ReviewFacts withDraft(DraftState state, long at) {
        return new ReviewFacts(reviewId, shopId, day, createdAt, rating, sentiment, keywords, replied, publishedAt,
                state, aiOutcome, at);
    }
}
