package kr.salonmate.saga.review;

import kr.salonmate.messages.billing.AiQuotaRestored;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.saga.SagaModule;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code auto-draft} policy handles all events of one shop on one thread. Each of its drafts takes a generation
 * from the shop's {@code Billing} aggregate, and a command sent from an event handler runs in the processor's unit of
 * work, so the aggregate stays locked until the whole batch commits. Split by review (Axon's default), both threads
 * of a busy shop took that one lock batch after batch; Axon saw the two waiting on each other, failed one batch
 * with a {@code DeadlockException} and handled it again — 448 times while 2,000 reviews were drafted
 * (docs/benchmarks.md, "Ingest"). By shop, no two threads ever want the same shop's aggregate, and other shops'
 * drafts go on on the other thread.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
public class AutoDraftSequencing {

    static final String GROUP = "auto-draft";

    /** A shop's events in order; an event the policy does not handle may go anywhere. */
    static final SequencingPolicy<EventMessage<?>> BY_SHOP = event -> {
        Object payload = event.getPayload();
        if (payload instanceof ReviewReceived received) {
            return received.shopId().value();
        }
        if (payload instanceof AiQuotaRestored restored) {
            return restored.shopId().value();
        }
        return event.getIdentifier();
    };

    @Bean
    ConfigurerModule autoDraftByShop() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(GROUP,
                config -> BY_SHOP));
    }
}
