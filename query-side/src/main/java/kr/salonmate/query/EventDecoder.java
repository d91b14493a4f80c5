package kr.salonmate.query;

import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Turns an event read from the store into the message a processor handles, on a read-ahead thread
 * ({@link ReadAheadMessageSource}): whatever a handler will read is decoded there, while the processor handles the
 * events before it.
 */
@FunctionalInterface
public interface EventDecoder {

    /** Decodes the event's timestamp, metadata and payload into the message itself, which keeps them. */
    EventDecoder EVERYTHING = event -> {
        event.getTimestamp();
        event.getMetaData();
        event.getPayload();
        return event;
    };

    /**
     * The message to hand to the processor: the event itself or a copy of it (same identifier, token, aggregate,
     * sequence, timestamp and metadata). An event that cannot be decoded may throw: it is then handed over as read,
     * and the processor meets the problem when it handles that event.
     */
    TrackedEventMessage<?> decode(TrackedEventMessage<?> event);
}
