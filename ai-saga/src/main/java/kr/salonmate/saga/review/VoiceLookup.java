package kr.salonmate.saga.review;

import kr.salonmate.messages.review.FindVoiceExamples;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.VoiceExamples;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The examples of the shop's own voice for a draft. They make a draft better, never possible: when the read side
 * cannot answer, the draft is written without them.
 */
final class VoiceLookup {

    /** At most this many examples (API.md, "Drafting from the shop's own voice"). */
    static final int MAX_EXAMPLES = 3;
    private static final Logger log = LoggerFactory.getLogger(VoiceLookup.class);

    private VoiceLookup() {
    }

    static VoiceExamples examples(QueryGateway queries, ShopId shopId, ReviewId reviewId, String comment) {
        try {
            VoiceExamples found = queries.query(new FindVoiceExamples(shopId, reviewId, comment, MAX_EXAMPLES),
                    ResponseTypes.instanceOf(VoiceExamples.class)).join();
            return found == null ? VoiceExamples.none() : found;
        } catch (RuntimeException e) {
            log.warn("No examples of the shop's voice for review {}: {}", reviewId, e.toString());
            return VoiceExamples.none();
        }
    }
}
