package kr.salonmate.query;

import java.util.Arrays;
import java.util.List;
import kr.salonmate.query.analytics.AnalyticsProjection;
import kr.salonmate.query.audit.ReplyAuditProjection;
import kr.salonmate.query.dashboard.DashboardProjection;
import kr.salonmate.query.post.PostProjection;
import kr.salonmate.query.review.ReviewInboxProjection;
import kr.salonmate.query.shop.ShopProjection;
import kr.salonmate.query.similar.SimilarityProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jpa.DeadLetterEntry;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.modelling.saga.repository.jpa.SagaEntry;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The read side: projections of the event stream into PostgreSQL tables, the query handlers that answer from
 * them, and the subscription-query updates they emit. One processing group per read model:
 * {@value ReviewInboxProjection#GROUP}, {@value ReplyAuditProjection#GROUP}, {@value DashboardProjection#GROUP},
 * {@value ShopProjection#GROUP}, {@value PostProjection#GROUP}, {@value AnalyticsProjection#GROUP} and
 * {@value SimilarityProjection#GROUP}.
 *
 * <p>{@code @EntityScan} replaces Spring Boot's default entity packages, so Axon's own entities (tokens, sagas,
 * events, dead letters) are listed here too. The read models' tables come from this module's Flyway migrations
 * ({@code classpath:db/query}), which the application adds to its Flyway locations; Axon's from
 * {@code axon-postgres} ({@code classpath:db/axon}).
 *
 * <p>{@value #ENABLED_PROPERTY}{@code =false} leaves the read side out of a node. Every bean of this module carries
 * the same condition (not only this class), so the switch holds even when an application scans {@code kr.salonmate}
 * as a whole; the other modules are switched the same way.
 *
 * <p>{@code query-side.properties} gives the defaults for these groups (pooled streaming processors with a
 * dead-letter queue); the application's own configuration overrides any of them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
@ComponentScan(basePackageClasses = QuerySideModule.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@EntityScan(basePackageClasses = {QuerySideModule.class, TokenEntry.class, SagaEntry.class, DomainEventEntry.class,
        DeadLetterEntry.class})
@EnableJpaRepositories(basePackageClasses = QuerySideModule.class)
@PropertySource("classpath:kr/salonmate/query/query-side.properties")
public class QuerySideModule {

    public static final String ENABLED_PROPERTY = "salonmate.modules.query.enabled";

    /**
     * The name of an optional {@link EventDecoder} bean for the analytics processor's read-ahead stream: the
     * application's decodes only the personal data that {@link AnalyticsProjection#PERSONAL_DATA_READ} names.
     */
    public static final String ANALYTICS_DECODER = "analyticsEventDecoder";

    /** The processing groups this module owns, one per read model. */
    public static final List<String> PROCESSING_GROUPS = List.of(ReviewInboxProjection.GROUP,
            ReplyAuditProjection.GROUP, DashboardProjection.GROUP, ShopProjection.GROUP, PostProjection.GROUP,
            AnalyticsProjection.GROUP, SimilarityProjection.GROUP, kr.salonmate.query.billing.BillingProjection.GROUP);

    /**
     * A handler's failure is never skipped silently. With the dead-letter queue on (the default above) Axon's
     * dead-lettering invoker propagates failures into the queue; this registration covers a group whose queue is
     * switched off, where Axon's default listener error handler would only log the failure and move on. Then
     * the failure reaches the processor, which retries the segment.
     */
    @Bean
    ConfigurerModule querySideErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> PROCESSING_GROUPS.forEach(group ->
                processing.registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance())));
    }

    /** Each projection's processor answers its handlers' empty results with one shared result message. */
    @Bean
    ConfigurerModule projectionsShareTheirEmptyResult() {
        return configurer -> configurer.eventProcessing(processing -> PROCESSING_GROUPS.forEach(group ->
                processing.registerHandlerInterceptor(group, config -> new SharedEmptyResult())));
    }

    /** Analytics handles a shop's events in order (its registration brings the time zone its reviews need). */
    @Bean
    ConfigurerModule analyticsSequencing() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(
                AnalyticsProjection.GROUP, config -> AnalyticsProjection.SEQUENCING));
    }

    /**
     * The analytics processor asks its projection through a {@link MemoizedHandlerLookup}: Axon's per-event
     * look-ups (does it handle this event, does it support a reset) were a fifth of the processor's thread in a
     * replay. The dead-letter invoker's configuration is where Axon lets a group's handlers be set; it replaces the
     * configuration that Axon's auto-configuration registers for the group's dead-letter cache, so it sets the cache
     * itself, from the same properties ({@code axon.eventhandling.processors.analytics.dlq.cache}). Only the
     * projection is in the group: another handler there would be left out, so start-up fails instead.
     */
    @Bean
    ConfigurerModule analyticsHandlerLookup(AnalyticsProjection projection, ApplicationContext context,
                                            EventProcessorProperties properties) {
        List<String> inGroup = Arrays.stream(context.getBeanNamesForAnnotation(ProcessingGroup.class))
                .filter(name -> AnalyticsProjection.GROUP.equals(
                        context.findAnnotationOnBean(name, ProcessingGroup.class).value()))
                .toList();
        if (inGroup.size() != 1) {
            throw new IllegalStateException("The " + AnalyticsProjection.GROUP + " processing group is the analytics "
                    + "projection's alone (see QuerySideModule#analyticsHandlerLookup), but holds " + inGroup);
        }
        EventProcessorProperties.ProcessorSettings settings = properties.getProcessors().get(AnalyticsProjection.GROUP);
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(AnalyticsProjection.GROUP,
                        (config, builder) -> {
                            builder.eventHandlers(new MemoizedHandlerLookup(builder.wrapEventMessageHandler(projection)));
                            if (settings != null && settings.getDlq().getCache().isEnabled()) {
                                builder.enableSequenceIdentifierCache()
                                        .sequenceIdentifierCacheSize(settings.getDlq().getCache().getSize());
                            }
                            return builder;
                        }));
    }

    /**
     * The analytics processor's event source ({@code source} in {@code query-side.properties}): the event store,
     * read ahead on a thread of its own, so that a replay reads and decodes the next events while the projection
     * handles and writes the ones before (docs/benchmarks.md, "Replay"). The application may give the stream a
     * decoder of its own ({@value #ANALYTICS_DECODER}); without one, each event is decoded whole.
     */
    @Bean
    ReadAheadMessageSource analyticsEventSource(EventStore eventStore,
                                                @Value("${salonmate.analytics.read-ahead:10000}") int capacity,
                                                @Qualifier(ANALYTICS_DECODER) ObjectProvider<EventDecoder> decoder) {
        return new ReadAheadMessageSource(eventStore, capacity, AnalyticsProjection.GROUP,
                decoder.getIfAvailable(() -> EventDecoder.EVERYTHING));
    }
}
