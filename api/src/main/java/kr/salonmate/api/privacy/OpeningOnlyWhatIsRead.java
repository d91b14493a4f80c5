package kr.salonmate.api.privacy;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.salonmate.query.DecodedEvent;
import kr.salonmate.query.EventDecoder;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Decodes events for a reader that needs only some of their personal data (a projection such as analytics): the
 * properties it names are opened with their subjects' keys, every other personal value stays as stored, sealed.
 * Each decryption costs a key schedule and a cipher pass; in a replay of analytics two thirds of them were names
 * the projection never reads (docs/benchmarks.md, "Replay").
 *
 * <p>The event's payload is decoded again from its stored form, into a copy of the message; the message read from
 * the store is left as it is, undecoded, since the event store may share it with other processors, which read
 * everything opened. An event whose serializer is not the store's Jackson serializer is decoded whole.
 */
public final class OpeningOnlyWhatIsRead implements EventDecoder {

    private final Serializer serializer;
    private final ObjectMapper mapper;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    private OpeningOnlyWhatIsRead(Serializer serializer, ObjectMapper mapper) {
        this.serializer = serializer;
        this.mapper = mapper;
    }

    /**
     * @param serializer the event store's serializer
     * @param read       the personal properties to open, by declaring type (the rest are read sealed)
     * @return the decoder, or {@link EventDecoder#EVERYTHING} when events are not serialized with Jackson
     */
    public static EventDecoder of(Serializer serializer, PersonalDataCipher cipher, Map<Class<?>, Set<String>> read) {
        if (!(serializer instanceof JacksonSerializer jackson)) {
            return EventDecoder.EVERYTHING;
        }
        PersonalDataIntrospector opening = new PersonalDataIntrospector(cipher,
                (type, property) -> read.getOrDefault(type, Set.of()).contains(property));
        ObjectMapper mapper = jackson.getObjectMapper().copy().setAnnotationIntrospector(
                AnnotationIntrospector.pair(opening, new JacksonAnnotationIntrospector()));
        return new OpeningOnlyWhatIsRead(serializer, mapper);
    }

    @Override
    public TrackedEventMessage<?> decode(TrackedEventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        if (type == UnknownSerializedType.class) {
            return EventDecoder.EVERYTHING.decode(event); // fails as it would in the handler
        }
        // the stored form as it is (the store's own serializer: nothing is decoded to get it)
        byte[] stored = event.serializePayload(serializer, byte[].class).getData();
        Object payload;
        try {
            payload = readers.computeIfAbsent(type, mapper::readerFor).readValue(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decode " + type.getName() + " " + event.getIdentifier(), e);
        }
        return DecodedEvent.of(event, type, payload, event.getMetaData());
    }
}
