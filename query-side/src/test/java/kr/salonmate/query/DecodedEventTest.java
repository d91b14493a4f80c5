package kr.salonmate.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** A decoded copy is the same event with the new payload; its timestamp is read only when asked for. */
class DecodedEventTest {

    private static final Instant AT = Instant.parse("2026-12-08T01:02:03.456Z");
    private final AtomicInteger timestampReads = new AtomicInteger();
    private final TrackingToken token = new GlobalSequenceTrackingToken(41);

    @Test
    void aDomainEventKeepsWhatItIsAndTakesTheDecodedPayloadAndMetaData() {
        TrackedEventMessage<?> stored = storedDomainEvent();
        TrackedEventMessage<?> copy = DecodedEvent.of(stored, String.class, "decoded", MetaData.with("traceId", "t"));

        DomainEventMessage<?> domain = (DomainEventMessage<?>) copy;
        assertThat(copy.getIdentifier()).isEqualTo(stored.getIdentifier());
        assertThat(copy.trackingToken()).isEqualTo(token);
        assertThat(domain.getType()).isEqualTo("Review");
        assertThat(domain.getAggregateIdentifier()).isEqualTo("review-1");
        assertThat(domain.getSequenceNumber()).isEqualTo(7);
        assertThat(copy.getPayload()).isEqualTo("decoded");
        assertThat(copy.getPayloadType()).isEqualTo(String.class);
        assertThat(copy.getMetaData()).isEqualTo(MetaData.with("traceId", "t"));
        assertThat(timestampReads).hasValue(0);
        assertThat(copy.getTimestamp()).isEqualTo(AT);
    }

    @Test
    void aNewTokenLeavesTheTimestampUnreadAndTheRestAsItWas() {
        TrackedEventMessage<?> copy = DecodedEvent.of(storedDomainEvent(), String.class, "decoded", MetaData.emptyInstance());
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100), token);

        TrackedEventMessage<?> replayed = copy.withTrackingToken(replay).withTrackingToken(replay);

        assertThat(timestampReads).hasValue(0);
        assertThat(replayed.trackingToken()).isEqualTo(replay);
        assertThat(replayed).isInstanceOf(DomainEventMessage.class);
        assertThat(((DomainEventMessage<?>) replayed).getSequenceNumber()).isEqualTo(7);
        assertThat(replayed.getIdentifier()).isEqualTo(copy.getIdentifier());
        assertThat(replayed.getPayload()).isEqualTo("decoded");
        assertThat(replayed.getTimestamp()).isEqualTo(AT);
        assertThat(copy.getTimestamp()).isEqualTo(AT);
        assertThat(timestampReads).as("the original reads it once").hasValue(1);
    }

    @Test
    void anEventOfNoAggregateKeepsItsTimestampUnreadToo() {
        GenericEventMessage<String> event = new GenericEventMessage<>(new GenericMessage<>("stored"), this::timestamp);
        TrackedEventMessage<?> copy = DecodedEvent.of(new GenericTrackedEventMessage<>(token, event, this::timestamp),
                String.class, "decoded", MetaData.emptyInstance());

        TrackedEventMessage<?> replayed = copy.withTrackingToken(new GlobalSequenceTrackingToken(42));

        assertThat(replayed).isNotInstanceOf(DomainEventMessage.class);
        assertThat(replayed.getIdentifier()).isEqualTo(copy.getIdentifier());
        assertThat(replayed.getPayload()).isEqualTo("decoded");
        assertThat(timestampReads).hasValue(0);
        assertThat(replayed.getTimestamp()).isEqualTo(AT);
    }

    private TrackedEventMessage<?> storedDomainEvent() {
        GenericDomainEventMessage<String> event = new GenericDomainEventMessage<>("Review", "review-1", 7,
                new GenericMessage<>("stored"), this::timestamp);
        return new GenericTrackedDomainEventMessage<>(token, "Review", "review-1", 7, event, this::timestamp);
    }

    private Instant timestamp() {
        timestampReads.incrementAndGet();
        return AT;
    }
}
