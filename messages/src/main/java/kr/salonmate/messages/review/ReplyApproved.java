package kr.salonmate.messages.review;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/**
 * {@code text} is exactly what will be published. {@code approvalId} names this approval: the publishing saga
 * reports back against it, so a late answer for an older approval can never touch a newer one.
 */
@Revision("1")
public record ReplyApproved(ReviewId reviewId, ShopId shopId, UUID approvalId, ReviewSource source,
                            String externalId, String text, Actor approvedBy, Instant at) {
}
