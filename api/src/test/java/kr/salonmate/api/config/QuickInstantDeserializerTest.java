package kr.salonmate.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Instants in stored JSON are read exactly as Jackson's own deserializer reads them, whatever their form. */
class QuickInstantDeserializerTest {

    record Stamped(Instant at) {
    }

    private final ObjectMapper jackson = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ObjectMapper quick = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(QuickInstantDeserializer.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void whatJacksonWritesIsReadAsJacksonReadsIt() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000));
            if (i % 3 == 0) {
                at = Instant.ofEpochMilli(at.toEpochMilli());
            } else if (i % 3 == 1) {
                at = Instant.ofEpochSecond(at.getEpochSecond());
            }
            String json = jackson.writeValueAsString(new Stamped(at));
            assertThat(quick.readValue(json, Stamped.class)).as(json).isEqualTo(jackson.readValue(json, Stamped.class))
                    .isEqualTo(new Stamped(at));
        }
    }

    @Test
    void otherFormsGoToJacksonsDeserializer() throws Exception {
        for (String json : new String[] {"{\"at\":\"2026-12-07T05:10:08+09:00\"}", "{\"at\":1765084208.068000000}",
                "{\"at\":1765084208068}", "{\"at\":null}", "{\"at\":\"+12026-12-07T05:10:08Z\"}",
                "{\"at\":\"1969-12-31T23:59:59.5Z\"}"}) {
            assertThat(quick.readValue(json, Stamped.class)).as(json).isEqualTo(jackson.readValue(json, Stamped.class));
        }
        assertThatThrownBy(() -> quick.readValue("{\"at\":\"2026-02-30T00:00:00Z\"}", Stamped.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
        assertThatThrownBy(() -> jackson.readValue("{\"at\":\"2026-02-30T00:00:00Z\"}", Stamped.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
    }
}
