package kr.salonmate.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.privacy.PersonalDataCipher;
import kr.salonmate.api.privacy.PersonalDataIntrospector;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** Meta data is read exactly as Axon's own deserializer reads it, and Axon's serializer keeps this one. */
class QuickMetaDataDeserializerTest {

    private final JacksonSerializer axon = JacksonSerializer.builder().build();
    /** The application's mapper, as Axon's serializer is built on it (Axon registers its own module last). */
    private final JacksonSerializer quick = JacksonSerializer.builder()
            .objectMapper(new AxonInfrastructure().defaultAxonObjectMapper(
                    new PersonalDataIntrospector(new PersonalDataCipher(null))))
            .build();

    @Test
    void axonsSerializerOnTheApplicationsMapperReadsMetaDataWithThisDeserializer() throws Exception {
        ObjectMapper mapper = quick.getObjectMapper();
        var context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);
        assertThat(context.findRootValueDeserializer(mapper.constructType(MetaData.class)))
                .isInstanceOf(QuickMetaDataDeserializer.class);
        assertThat(mapper.getRegisteredModuleIds()).contains(QuickMetaDataDeserializer.AXON_MODULE);
    }

    @Test
    void metaDataIsReadAsAxonReadsIt() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("inner", List.of(1, "two", 3.5));
        nested.put("nothing", null);
        for (MetaData metaData : List.of(MetaData.emptyInstance(),
                MetaData.with("traceId", "4bf92f3577b34da6a3ce929d0e0e4736").and("correlationId", "c-1"),
                MetaData.with("n", 42).and("big", 12_345_678_901L).and("ratio", 0.25).and("yes", true),
                MetaData.with("nested", nested).and("list", Arrays.asList("a", null, "c")),
                MetaData.with("한글", "원장님 커트 최고예요").and("empty", ""))) {
            SerializedObject<byte[]> stored = axon.serialize(metaData, byte[].class);
            MetaData read = quick.deserialize(stored);
            assertThat(read).as(new String(stored.getData())).isEqualTo(axon.deserialize(stored))
                    .isEqualTo(metaData);
        }
    }
}
