package kr.salonmate.api.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * {@code salonmate_processor_lag_events{processor}}: how many events the segments of each streaming processor that
 * run on this node are behind the newest event (the largest lag of its segments here; 0 when it runs no segment
 * here, so take the maximum over nodes). PRODUCT.md's backlog alert is at 1,000. The head position is read at most
 * once a second however many processors are scraped.
 */
@Component
class ProcessorLagMetrics implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private volatile long headReadAt = Long.MIN_VALUE;
    private volatile long head;

    ProcessorLagMetrics(EventProcessingConfiguration processing, EventStore eventStore, Clock clock) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("salonmate.processor.lag", streaming, this::lag)
                        .description("Events the processor's segments on this node are behind the newest event")
                        .baseUnit("events").tag("processor", name).register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        long newest = head();
        long lag = 0;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            TrackingToken token = status.getTrackingToken();
            OptionalLong position = token == null ? OptionalLong.empty() : token.position();
            lag = Math.max(lag, newest - position.orElse(-1));
        }
        return Math.max(0, lag);
    }

    private long head() {
        long now = clock.millis();
        if (now - headReadAt > 1000) {
            TrackingToken token = eventStore.createHeadToken();
            head = token == null ? -1 : token.position().orElse(-1);
            headReadAt = now;
        }
        return head;
    }
}
