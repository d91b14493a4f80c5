package kr.salonmate.query;

import java.time.Instant;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;

/**
 * A copy of an event read from the store, with its payload and metadata decoded by an {@link EventDecoder}, whose
 * timestamp is read from the original only when someone asks for it, also after Axon gives the copy a new token.
 * Axon's own messages read the timestamp to copy it into the message with the new token, and a tracking processor
 * gives every event of a replay a new token (its {@code ReplayToken}): in a replay of analytics, which reads no
 * timestamp, that was a twentieth of the processor's thread (docs/benchmarks.md, "Replay").
 */
public final class DecodedEvent {

    private DecodedEvent() {
    }

    /**
     * @return a copy of {@code event} (identifier, token, aggregate, sequence number and timestamp) with this
     *         payload and metadata
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static TrackedEventMessage<?> of(TrackedEventMessage<?> event, Class<?> payloadType, Object payload,
                                            MetaData metaData) {
        Message<?> message = new GenericMessage(event.getIdentifier(), payloadType, payload, metaData);
        Supplier<Instant> timestamp = event::getTimestamp; // the original reads it once, when first asked
        if (event instanceof DomainEventMessage<?> domain) {
            return new DomainEvent<>(event.trackingToken(), domain.getType(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), message, timestamp);
        }
        return new Event<>(event.trackingToken(), message, timestamp);
    }

    private static final class DomainEvent<T> extends GenericTrackedDomainEventMessage<T> {

        private final transient Supplier<Instant> timestamp;

        DomainEvent(TrackingToken token, String type, String aggregateIdentifier, long sequenceNumber,
                    Message<T> message, Supplier<Instant> timestamp) {
            super(token, type, aggregateIdentifier, sequenceNumber, message, timestamp);
            this.timestamp = timestamp;
        }

        @Override
        public GenericTrackedDomainEventMessage<T> withTrackingToken(TrackingToken trackingToken) {
            return new DomainEvent<>(trackingToken, getType(), getAggregateIdentifier(), getSequenceNumber(),
                    getDelegate(), timestamp);
        }
    }

    private static final class Event<T> extends GenericTrackedEventMessage<T> {

        private final transient Supplier<Instant> timestamp;

        Event(TrackingToken token, Message<T> message, Supplier<Instant> timestamp) {
            super(token, message, timestamp);
            this.timestamp = timestamp;
        }

        @Override
        public GenericTrackedEventMessage<T> withTrackingToken(TrackingToken trackingToken) {
            return new Event<>(trackingToken, getDelegate(), timestamp);
        }
    }
}
