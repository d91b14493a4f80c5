package kr.salonmate.messages.post;

import java.time.Instant;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PostCancelled(PostId postId, ShopId shopId, Actor cancelledBy, Instant at) {
}
