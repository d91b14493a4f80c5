package kr.salonmate.messages.billing;

import java.time.Instant;
import java.util.List;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/**
 * The plan allows generations again (an upgrade, a renewal or a new month): the reviews that waited are to be
 * drafted now, in this order (oldest first).
 */
@Revision("1")
public record AiQuotaRestored(ShopId shopId, List<ReviewId> waiting, int quota, Instant at) {
}
