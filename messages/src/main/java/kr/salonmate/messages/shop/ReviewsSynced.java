package kr.salonmate.messages.shop;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReviewsSynced(ShopId shopId, int reviewsSeen, Instant at) {
}
