package kr.salonmate.messages.shop;

import java.time.Instant;
import kr.salonmate.messages.common.Actor;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ShopRegistered(ShopId shopId, String name, String timezone, String locale, Actor owner,
                             ReplySettings replySettings, Instant at) {
}
