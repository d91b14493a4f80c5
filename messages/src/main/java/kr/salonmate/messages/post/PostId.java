package kr.salonmate.messages.post;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** An Instagram post's identity. Serialized as the bare UUID string. */
public record PostId(UUID value) {

    public PostId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static PostId of(String value) {
        return new PostId(UUID.fromString(value));
    }

    public static PostId random() {
        return new PostId(UUID.randomUUID());
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
