package kr.salonmate.messages.shop;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A shop's identity. Serialized as the bare UUID string. */
public record ShopId(UUID value) {

    public ShopId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static ShopId of(String value) {
        return new ShopId(UUID.fromString(value));
    }

    public static ShopId random() {
        return new ShopId(UUID.randomUUID());
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
