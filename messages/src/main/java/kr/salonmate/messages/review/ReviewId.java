package kr.salonmate.messages.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;

/**
 * A review's identity, derived from (shop, source, external id) as a name-based UUID so that syncing the
 * same review again always addresses the same aggregate.
 */
public record ReviewId(UUID value) {

    public ReviewId {
        Objects.requireNonNull(value, "value");
    }

    public static ReviewId derive(ShopId shopId, ReviewSource source, String externalId) {
        String name = "review:" + shopId + ":" + source.name() + ":" + externalId;
        return new ReviewId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @JsonCreator
    public static ReviewId of(String value) {
        return new ReviewId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
