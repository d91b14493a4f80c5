package kr.salonmate.api.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.MetaDataDeserializer;

/**
 * Reads a message's meta data as Axon's {@link MetaDataDeserializer} does (a map of names to plain JSON values),
 * with the map's deserializer looked up once per mapper instead of once per message: Axon's constructs the map type
 * and asks the context for its deserializer every time, and in a profile of a replay that look-up was a third of
 * decoding the meta data, which was a sixth of the reading thread (docs/benchmarks.md, "Replay").
 */
final class QuickMetaDataDeserializer extends StdDeserializer<MetaData> implements ContextualDeserializer {

    /**
     * The name of the module Axon's {@code JacksonSerializer} registers for its own meta-data deserializer. Jackson
     * registers a module of a given name once: registered first under that name, this one is the one that stays.
     */
    static final String AXON_MODULE = "Axon-Jackson Module";

    private final transient JsonDeserializer<Object> map;

    QuickMetaDataDeserializer() {
        this(null);
    }

    private QuickMetaDataDeserializer(JsonDeserializer<Object> map) {
        super(MetaData.class);
        this.map = map;
    }

    static SimpleModule module() {
        return new SimpleModule(AXON_MODULE).addDeserializer(MetaData.class, new QuickMetaDataDeserializer());
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        return map != null ? this : new QuickMetaDataDeserializer(context.findRootValueDeserializer(
                context.getTypeFactory().constructMapType(Map.class, String.class, Object.class)));
    }

    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context,
                                      TypeDeserializer typeDeserializer) throws IOException {
        return typeDeserializer.deserializeTypedFromObject(parser, context);
    }

    @Override
    @SuppressWarnings("unchecked")
    public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonDeserializer<Object> values = map != null ? map : context.findRootValueDeserializer(
                context.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        return MetaData.from((Map<String, ?>) values.deserialize(parser, context, new HashMap<>()));
    }
}
