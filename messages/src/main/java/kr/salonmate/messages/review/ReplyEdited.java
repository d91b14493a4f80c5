package kr.salonmate.messages.review;

import java.time.Instant;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReplyEdited(ReviewId reviewId, ShopId shopId, String text, String previousText, Actor editedBy,
                          Instant at) {
}
