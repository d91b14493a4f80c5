package kr.salonmate.messages.shop;

import java.time.Instant;
import kr.salonmate.messages.common.Actor;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReplySettingsChanged(ShopId shopId, ReplySettings settings, Actor changedBy, Instant at) {
}
