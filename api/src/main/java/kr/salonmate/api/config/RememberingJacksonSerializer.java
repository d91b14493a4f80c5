package kr.salonmate.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, with what it looks up for every message remembered: the class a stored type names, the
 * reader for a class and the writer. Axon's loads the class by name ({@code Class.forName}) and builds a new
 * {@link ObjectReader} (finding its root deserializer again) for each payload and each message's meta data it
 * decodes; with both remembered a payload decodes about a quarter faster and a message's meta data a third
 * (docs/benchmarks.md, "Replay"). What is written and read is exactly Axon's.
 *
 * <p>A type whose class is not on the class path is not remembered: Axon's own cache of unknown classes answers for
 * it, as before.
 */
public final class RememberingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final ObjectWriter writer;

    private RememberingJacksonSerializer(Builder builder) {
        super(builder);
        this.writer = getObjectMapper().writer();
    }

    /** The serializer Axon's auto-configuration would build for {@code jackson}, with these look-ups remembered. */
    public static RememberingJacksonSerializer of(ObjectMapper mapper, RevisionResolver revisionResolver,
                                                  ClassLoader classLoader) {
        Builder builder = JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(classLoader));
        return new RememberingJacksonSerializer(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        String name = resolveClassName(type);
        Class<?> known = classes.get(name);
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class && found != Void.class) {
            classes.put(name, found);
        }
        return found;
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, getObjectMapper()::readerFor);
    }

    @Override
    protected ObjectWriter getWriter() {
        return writer;
    }
}
