package kr.salonmate.saga.ai;

import java.util.List;
import java.util.Objects;

import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.VoiceExamples;
import kr.salonmate.messages.shop.ReplySettings;

/**
 * Everything a drafter may use. {@code comment} and {@code author} are the customer's words: untrusted data.
 * {@code instruction} is the shop staff's wish for this draft ("shorter"), or null. {@code examples}: the shop's
 * own published replies to similar reviews, most similar first — how this shop talks; the reviews in them are
 * customers' words too, untrusted data.
 */
public record DraftRequest(ReviewId reviewId, String shopName, ReplySettings settings, String author, int rating,
                           String comment, String language, String instruction, List<VoiceExamples.Example> examples) {

    public DraftRequest {
        Objects.requireNonNull(reviewId, "reviewId");
        settings = settings == null ? ReplySettings.defaults() : settings;
        comment = comment == null ? "" : comment;
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** A request without examples of the shop's voice. */
    public DraftRequest(ReviewId reviewId, String shopName, ReplySettings settings, String author, int rating,
                        String comment, String language, String instruction) {
        this(reviewId, shopName, settings, author, rating, comment, language, instruction, List.of());
    }

    /** The language of the reply: the shop's choice, or with {@code AUTO} the review's ("ko" or "en"). */
    public String replyLanguage() {
        String configured = settings.language();
        if (configured != null && !configured.isBlank() && !"AUTO".equalsIgnoreCase(configured)) {
            return configured.toLowerCase().startsWith("ko") ? "ko" : "en";
        }
        return language != null && language.toLowerCase().startsWith("ko") ? "ko" : "en";
    }
}
