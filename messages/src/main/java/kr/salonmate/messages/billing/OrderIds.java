package kr.salonmate.messages.billing;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;

/**
 * One Toss {@code orderId} per shop and paid period: {@code sm-<shop without dashes>-<period start, epoch seconds>}
 * (45 characters of {@code [a-z0-9-]}, inside Toss's 6–64). Whoever charges a period — the subscribe request, the
 * renewal saga, a retry after a crash — derives the same id, and Toss charges an order at most once. The shop can
 * be read back from it, so a webhook finds its billing aggregate.
 */
public final class OrderIds {

    private OrderIds() {
    }

    public static String of(ShopId shopId, Instant periodStart) {
        return "sm-" + shopId.value().toString().replace("-", "") + "-" + periodStart.getEpochSecond();
    }

    /** The shop an order id of ours belongs to, or null when it is not one of ours. */
    public static ShopId shopOf(String orderId) {
        if (orderId == null || !orderId.matches("sm-[0-9a-f]{32}-[0-9]{1,12}")) {
            return null;
        }
        String hex = orderId.substring(3, 35);
        return new ShopId(UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-"
                + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20)));
    }
}
