package kr.salonmate.api.config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRestartedEvent;
import org.springframework.context.event.ContextStartedEvent;

/**
 * Tracking processors start once the application is ready, not while the context is refreshed.
 *
 * <p>Why: on two cores the ~30 processor threads (16 for {@code reply-drafting} alone) claiming their segments in
 * {@code token_entry} compete with the main thread for the CPU and the connection pool during startup, which put
 * the first healthy answer past 20 s (docs/benchmarks.md, "Startup"). Started a moment later they catch up from
 * their tokens as always, so nothing is missed: events committed in between are handled right after the start.
 *
 * <p>How: Axon's Spring Boot auto-configuration registers every processor of
 * {@code axon.eventhandling.processors.*} on the {@link EventProcessingModule}; ours is that module with one
 * difference: a tracking processor registered on it does not start by itself ({@code autoStart=false}, all other
 * settings untouched). When the application is ready they are all started. Pooled processors are left as they are.
 */
@Configuration
public class ProcessorsStartWhenReady {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsStartWhenReady.class);

    @Bean
    DeferredStartEventProcessingModule eventProcessingModule() {
        return new DeferredStartEventProcessingModule();
    }

    /**
     * On ready, and again when a stopped context is started again (Axon shut the processors down with it, and
     * only starts by itself those that start automatically).
     */
    @Bean
    ApplicationListener<ApplicationEvent> startTrackingProcessors(DeferredStartEventProcessingModule processing) {
        return event -> {
            if (!(event instanceof ApplicationReadyEvent || event instanceof ContextRestartedEvent
                    || event instanceof ContextStartedEvent)) {
                return;
            }
            for (String name : processing.deferred()) {
                processing.eventProcessor(name, TrackingEventProcessor.class).ifPresent(processor -> {
                    if (!processor.isRunning()) {
                        processor.start();
                    }
                });
            }
            log.debug("Started tracking processors {}", processing.deferred());
        };
    }

    /** Axon's event processing module, registering tracking processors that wait to be started. */
    static class DeferredStartEventProcessingModule extends EventProcessingModule {

        private final List<String> deferred = new CopyOnWriteArrayList<>();

        @Override
        public EventProcessingConfigurer registerTrackingEventProcessor(
                String name,
                Function<org.axonframework.config.Configuration, StreamableMessageSource<TrackedEventMessage<?>>> source,
                Function<org.axonframework.config.Configuration, TrackingEventProcessorConfiguration> configuration) {
            deferred.add(name);
            return super.registerTrackingEventProcessor(name, source,
                    axon -> configuration.apply(axon).andAutoStart(false));
        }

        List<String> deferred() {
            return List.copyOf(deferred);
        }
    }
}
