package kr.salonmate.command;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Makes an aggregate with its constructor, or takes it from a snapshot, instead of asking Spring for a prototype bean
 * as Axon's Spring default does: that ran every bean post-processor of the application on each load (ADR 38). The
 * aggregate is inspected on first use with Axon's configured parameter resolvers and handler definitions, as Axon's
 * own factory does, so handlers that take Spring beans as parameters are understood (with Axon's classpath defaults
 * alone they are not, and the packaged application does not start).
 */
public final class AggregateInstances<T> implements AggregateFactory<T> {

    private final Class<T> type;
    private final ObjectProvider<Configuration> axon;
    private volatile AggregateFactory<T> delegate;

    public AggregateInstances(Class<T> type, ObjectProvider<Configuration> axon) {
        this.type = type;
        this.axon = axon;
    }

    @Override
    public T createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
        return delegate().createAggregateRoot(aggregateIdentifier, firstEvent);
    }

    @Override
    public Class<T> getAggregateType() {
        return type;
    }

    private AggregateFactory<T> delegate() {
        AggregateFactory<T> factory = delegate;
        if (factory == null) {
            Configuration configuration = axon.getObject(); // not at bean creation: Axon's configuration is built later
            factory = new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                    configuration.parameterResolverFactory(), configuration.handlerDefinition(type)));
            delegate = factory;
        }
        return factory;
    }
}
