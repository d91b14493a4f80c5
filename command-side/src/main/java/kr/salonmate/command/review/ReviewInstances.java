package kr.salonmate.command.review;

import kr.salonmate.command.AggregateInstances;
import kr.salonmate.command.CommandSideModule;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/** {@link Review} instances made with its constructor, not as Spring prototype beans; Axon uses the bean of this name. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = CommandSideModule.ENABLED_PROPERTY, matchIfMissing = true)
class ReviewInstances {

    @Bean
    AggregateFactory<Review> reviewAggregateFactory(ObjectProvider<Configuration> axon) {
        return new AggregateInstances<>(Review.class, axon);
    }
}
