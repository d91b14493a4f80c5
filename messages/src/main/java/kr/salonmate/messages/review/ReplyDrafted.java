package kr.salonmate.messages.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/**
 * A draft reply written by the model. {@code examples} (revision 2): the reviews whose published replies were given
 * to the model as examples of the shop's own voice, most similar first; empty in events of revision 1, which read
 * the same way without it.
 */
@Revision("2")
public record ReplyDrafted(ReviewId reviewId, ShopId shopId, UUID draftRequestId, String text, String model,
                           String promptVersion, TokenUsage tokenUsage, int rating, Instant at,
                           List<ReviewId> examples) {

    public ReplyDrafted {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** A draft written without examples. */
    public ReplyDrafted(ReviewId reviewId, ShopId shopId, UUID draftRequestId, String text, String model,
                        String promptVersion, TokenUsage tokenUsage, int rating, Instant at) {
        this(reviewId, shopId, draftRequestId, text, model, promptVersion, tokenUsage, rating, at, List.of());
    }
}
