package kr.salonmate.messages.review;

import kr.salonmate.messages.shop.ShopId;

/**
 * → {@link VoiceExamples}: the shop's published replies that a person wrote or changed, to the reviews most similar
 * to {@code comment} (the text of review {@code reviewId}, which is never its own example), at most {@code limit}.
 */
public record FindVoiceExamples(ShopId shopId, ReviewId reviewId, String comment, int limit) {
}
