package kr.salonmate.messages.review;

import java.time.Instant;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/**
 * The reviewer's key is destroyed with this event: their name and text read as erased everywhere from now on, and
 * the read models scrub the copies they hold. The review's rating, status and the shop's replies stay.
 */
@Revision("1")
public record ReviewPersonalDataErased(ReviewId reviewId, ShopId shopId, int rating, Actor erasedBy, Instant at) {
}
