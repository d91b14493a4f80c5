package kr.salonmate.messages.review;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/** A failed publication is tried again as a new approval of the same text. */
@Revision("1")
public record ReplyPublishRetried(ReviewId reviewId, ShopId shopId, UUID approvalId, ReviewSource source,
                                  String externalId, String text, Actor retriedBy, Instant at) {
}
