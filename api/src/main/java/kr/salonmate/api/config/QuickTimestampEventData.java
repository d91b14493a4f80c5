package kr.salonmate.api.config;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedObject;

/** A stored event whose timestamp is read by {@link StoredTimestamps} (once, when first asked for). */
final class QuickTimestampEventData<T> implements DomainEventData<T> {

    private final DomainEventData<T> stored;
    private final String timestampText;
    private Instant timestamp;

    QuickTimestampEventData(DomainEventData<T> stored, String timestampText) {
        this.stored = stored;
        this.timestampText = timestampText;
    }

    @Override
    public Instant getTimestamp() {
        if (timestamp == null) {
            timestamp = timestampText == null ? stored.getTimestamp() : StoredTimestamps.parse(timestampText);
        }
        return timestamp;
    }

    @Override
    public String getType() {
        return stored.getType();
    }

    @Override
    public String getAggregateIdentifier() {
        return stored.getAggregateIdentifier();
    }

    @Override
    public long getSequenceNumber() {
        return stored.getSequenceNumber();
    }

    @Override
    public String getEventIdentifier() {
        return stored.getEventIdentifier();
    }

    @Override
    public SerializedObject<T> getMetaData() {
        return stored.getMetaData();
    }

    @Override
    public SerializedObject<T> getPayload() {
        return stored.getPayload();
    }
}
