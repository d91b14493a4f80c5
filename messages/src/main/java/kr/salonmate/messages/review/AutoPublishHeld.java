package kr.salonmate.messages.review;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/**
 * The draft answering {@code draftRequestId} was not published by auto-publish although the review's rating
 * reaches the shop's threshold, for {@code reason}; it waits for a person. The inbox shows the reason until the
 * draft is replaced, edited or decided on.
 */
@Revision("1")
public record AutoPublishHeld(ReviewId reviewId, ShopId shopId, UUID draftRequestId, AutoPublishHold reason,
                              Instant at) {
}
