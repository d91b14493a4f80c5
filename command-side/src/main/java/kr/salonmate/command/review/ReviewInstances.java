package kr.salonmate.command.review;

import kr.salonmate.command.CommandSideModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link Review} instances are made with their constructor (or taken from a snapshot), not as Spring prototype beans:
 * Axon's Spring default builds each loaded aggregate through the bean factory, every bean post-processor included,
 * although no aggregate here has anything injected (ADR 38). Axon uses the bean of this name for the aggregate.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = CommandSideModule.ENABLED_PROPERTY, matchIfMissing = true)
class ReviewInstances {

    @Bean
    AggregateFactory<Review> reviewAggregateFactory() {
        return new GenericAggregateFactory<>(Review.class);
    }
}
