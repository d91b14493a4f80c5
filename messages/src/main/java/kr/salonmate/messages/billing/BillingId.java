package kr.salonmate.messages.billing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import kr.salonmate.messages.shop.ShopId;

/**
 * The billing aggregate of one shop (its plan, AI quota and payments). Written {@code billing-<shopId>} so that
 * its events never share an aggregate identifier with the Shop aggregate's.
 */
public record BillingId(ShopId shopId) {

    private static final String PREFIX = "billing-";

    public BillingId {
        Objects.requireNonNull(shopId, "shopId");
    }

    public static BillingId of(ShopId shopId) {
        return new BillingId(shopId);
    }

    @JsonCreator
    public static BillingId parse(String value) {
        return new BillingId(ShopId.of(value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : value));
    }

    @JsonValue
    @Override
    public String toString() {
        return PREFIX + shopId;
    }
}
