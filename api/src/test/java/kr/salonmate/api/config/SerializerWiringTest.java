package kr.salonmate.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import kr.salonmate.api.support.IntegrationTest;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Axon serializes everything (events, commands, sagas, tokens) with the one remembering serializer on our mapper. */
class SerializerWiringTest extends IntegrationTest {

    @Autowired
    private Configuration axon;
    @Autowired
    @Qualifier("defaultAxonObjectMapper")
    private com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Test
    void eventsMessagesAndEverythingElseUseTheRememberingSerializerOnTheApplicationsMapper() {
        Serializer general = axon.serializer();
        assertThat(general).isInstanceOf(RememberingJacksonSerializer.class);
        assertThat(axon.eventSerializer()).isSameAs(general);
        assertThat(axon.messageSerializer()).isSameAs(general);
        assertThat(((JacksonSerializer) general).getObjectMapper()).isSameAs(mapper);
    }
}
