package kr.salonmate.api.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads the instants in stored events and sagas ({@code "2026-12-07T05:10:08.068Z"}, as Jackson writes them) digit by
 * digit ({@link StoredTimestamps#quick}); anything else goes to Jackson's own {@link InstantDeserializer}, so nothing
 * is read differently. Jackson parses through a {@code DateTimeFormatter}: in a profile of a replay that was a third
 * of the decoding thread (every review event carries two to four instants; docs/benchmarks.md, "Replay").
 */
final class QuickInstantDeserializer extends StdScalarDeserializer<Instant> {

    private final transient InstantDeserializer<Instant> jackson = InstantDeserializer.INSTANT;

    QuickInstantDeserializer() {
        super(Instant.class);
    }

    /** Registered after Jackson's JavaTimeModule, so that it is the one asked for instants. */
    static SimpleModule module() {
        return new SimpleModule("quick-instants").addDeserializer(Instant.class, new QuickInstantDeserializer());
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            Instant quick = StoredTimestamps.quick(parser.getText());
            if (quick != null) {
                return quick;
            }
        }
        return jackson.deserialize(parser, context);
    }
}
