package kr.salonmate.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.api.privacy.PersonalDataCipher;
import kr.salonmate.api.privacy.PersonalDataIntrospector;
import kr.salonmate.messages.review.ReplyPublished;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** Writes and reads exactly what Axon's serializer on the same mapper writes and reads, again and again. */
class RememberingJacksonSerializerTest {

    private final com.fasterxml.jackson.databind.ObjectMapper mapper = new AxonInfrastructure()
            .defaultAxonObjectMapper(new PersonalDataIntrospector(new PersonalDataCipher(null)));
    private final JacksonSerializer axon = JacksonSerializer.builder().objectMapper(mapper).build();
    private final RememberingJacksonSerializer remembering = RememberingJacksonSerializer.of(mapper,
            new AnnotationRevisionResolver(), getClass().getClassLoader());

    private final ReplyPublished event = new ReplyPublished(new ReviewId(UUID.randomUUID()),
            new ShopId(UUID.randomUUID()), UUID.randomUUID(), ReviewSource.GOOGLE, "accounts/1/reviews/2",
            "방문해 주셔서 감사합니다!", Instant.parse("2026-12-08T01:02:03.456789Z"));

    @Test
    void writesWhatAxonWritesWithTheSameTypeAndRevision() {
        for (int time = 0; time < 3; time++) {
            SerializedObject<byte[]> ours = remembering.serialize(event, byte[].class);
            SerializedObject<byte[]> theirs = axon.serialize(event, byte[].class);
            assertThat(ours.getData()).isEqualTo(theirs.getData());
            assertThat(ours.getType()).isEqualTo(theirs.getType());
        }
    }

    @Test
    void readsWhatAxonWroteEveryTime() {
        SerializedObject<byte[]> payload = axon.serialize(event, byte[].class);
        MetaData metaData = MetaData.with("traceId", "4bf92f3577b34da6a3ce929d0e0e4736").and("correlationId", "c-1");
        SerializedObject<byte[]> storedMetaData = axon.serialize(metaData, byte[].class);
        for (int time = 0; time < 3; time++) {
            assertThat((Object) remembering.deserialize(payload)).isEqualTo(event);
            assertThat((Object) remembering.deserialize(storedMetaData)).isEqualTo(metaData);
            assertThat((Object) remembering.deserialize(axon.serialize("plain text", byte[].class)))
                    .isEqualTo("plain text");
        }
        assertThat(remembering.classForType(payload.getType())).isEqualTo(ReplyPublished.class);
    }

    @Test
    void aTypeNotOnTheClassPathStaysUnknownAndNothingIsReadAsIt() {
        SimpleSerializedType gone = new SimpleSerializedType("kr.salonmate.messages.review.ReviewGoneAway", "1");
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>("{\"a\":1}".getBytes(), byte[].class, gone);
        for (int time = 0; time < 2; time++) {
            assertThat(remembering.classForType(gone)).isEqualTo(UnknownSerializedType.class);
            assertThat((Object) remembering.deserialize(stored)).isInstanceOf(UnknownSerializedType.class);
        }
    }

    @Test
    void nothingIsReadForTheEmptyType() {
        SerializedObject<byte[]> empty = axon.serialize(null, byte[].class);
        assertThat(remembering.classForType(empty.getType())).isEqualTo(Void.class);
        assertThat((Object) remembering.deserialize(empty)).isNull();
    }
}
