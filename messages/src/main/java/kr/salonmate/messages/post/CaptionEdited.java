package kr.salonmate.messages.post;

import java.time.Instant;
import java.util.List;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CaptionEdited(PostId postId, ShopId shopId, String caption, List<String> hashtags,
                            String previousCaption, Actor editedBy, Instant at) {
}
