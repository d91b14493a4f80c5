package kr.salonmate.api.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import kr.salonmate.api.privacy.PersonalDataIntrospector;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;

/**
 * The parts of Axon's infrastructure that are ours to choose: a persistent deadline manager (db-scheduler on
 * PostgreSQL, so saga retries and scheduled work survive a restart and run on exactly one node), the token and saga
 * stores (plain JDBC on Axon's tables, the token store with this node's name), and the clock.
 */
@Configuration
public class AxonInfrastructure {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** This node's name: the owner of its token claims and its row in {@code cluster_node}. */
    @Bean
    NodeName nodeName(@Value("${salonmate.cluster.node-id:}") String configured) {
        return NodeName.of(configured);
    }

    /**
     * Axon's JDBC token store on the {@code token_entry} table that Flyway creates (the JPA token store's table), with
     * this node's {@link NodeName} as the owner of its claims (Axon's default, {@code pid@host}, is the same for two
     * nodes in one JVM or for two containers that both run as pid 1 on the same host name).
     *
     * <p>Why JDBC: every processor stores its token after each batch, thousands of times a minute under ingest. The
     * JPA store's update goes through Hibernate's query translation each time; that was a third of the CPU of the
     * drafting processor (docs/benchmarks.md, "Ingest"). The JDBC store sends one prepared {@code UPDATE}. It takes
     * its connection from the transaction the processor's unit of work started, as the JPA store did, so the token
     * still commits together with what the batch wrote (ADR 13).
     */
    @Bean
    TokenStore tokenStore(@Qualifier("serializer") Serializer serializer, DataSource dataSource,
                          TokenStoreProperties properties, NodeName node) {
        return JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .schema(TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build())
                .serializer(serializer)
                .contentType(byte[].class)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(node.value())
                .build();
    }

    /**
     * Axon's JDBC saga store on the {@code saga_entry} and {@code association_value_entry} tables that Flyway creates
     * (the JPA store's tables). Every event a saga handles starts with a look-up of its associations; through JPA that
     * look-up was the largest part of the drafting processor's CPU (docs/benchmarks.md, "Ingest"). Like the token
     * store it works in the transaction of the processor's unit of work.
     */
    @Bean
    SagaStore<Object> sagaStore(@Qualifier("serializer") Serializer serializer, DataSource dataSource) {
        SagaSchema tables = SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build();
        return JdbcSagaStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .sqlSchema(new PostgresSagaSqlSchema(tables))
                .serializer(serializer)
                .build();
    }

    /**
     * Axon's local query bus as its auto-configuration builds it, but without a transaction around every query. The
     * query handlers read with single SQL statements (or Spring Data calls that bring their own read-only
     * transaction); opening a JPA transaction, and with it a Hibernate session, for each of them was a large part of
     * what the review list cost (docs/benchmarks.md, "Read API"; ADR 14). Under READ COMMITTED two statements of one
     * transaction did not see one snapshot either, so nothing is lost. With Axon Server the connector's query bus
     * is used instead.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.instance())
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /**
     * The mapper of Axon's Jackson serializer (events, sagas, tokens, snapshots). Instants are written as
     * ISO-8601 text, so stored events read like the golden files in {@code messages} and like the API.
     */
    @Bean(name = "defaultAxonObjectMapper")
    com.fasterxml.jackson.databind.ObjectMapper defaultAxonObjectMapper(PersonalDataIntrospector personalData) {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                // personal fields are written encrypted with their subject's key (ADR 20)
                .setAnnotationIntrospector(com.fasterxml.jackson.databind.AnnotationIntrospector.pair(personalData,
                        new com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector()))
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
                .registerModule(QuickInstantDeserializer.module()) // after JavaTimeModule: the later module wins
                // before Axon's serializer registers its own module of that name, which Jackson then leaves out
                .registerModule(QuickMetaDataDeserializer.module())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    /**
     * Axon's serializer for events, messages, sagas and tokens, as its auto-configuration builds it for
     * {@code axon.serializer.general: jackson} (events and messages follow the general one), with the class, reader
     * and writer look-ups it makes for every message remembered ({@link RememberingJacksonSerializer}).
     */
    @Bean
    @Primary
    @ConditionalOnProperty(name = "axon.serializer.general", havingValue = "jackson")
    Serializer serializer(RevisionResolver revisionResolver,
                          @Qualifier("defaultAxonObjectMapper") com.fasterxml.jackson.databind.ObjectMapper mapper,
                          ApplicationContext context) {
        return RememberingJacksonSerializer.of(mapper, revisionResolver, context.getClassLoader());
    }

    /**
     * db-scheduler polls {@code scheduled_tasks}; Axon's DbScheduler auto-configuration builds the
     * DeadlineManager on top of it and contributes the tasks that run deadlines. Deadlines due now run at once
     * on this node (immediate execution) instead of waiting for the next poll.
     */
    @Bean(destroyMethod = "stop")
    Scheduler dbScheduler(DataSource dataSource, @Lazy List<Task<?>> tasks,
                          @Value("${salonmate.deadlines.threads:8}") int threads,
                          @Value("${salonmate.deadlines.polling-interval:PT1S}") Duration pollingInterval,
                          @Value("${salonmate.deadlines.heartbeat:PT5M}") Duration heartbeat) {
        return Scheduler.create(dataSource, tasks)
                .threads(threads)
                .pollingInterval(pollingInterval)
                // a deadline that was running on a node that died (kill -9 mid-renewal) runs again elsewhere once
                // its heartbeat is 6 × this old (db-scheduler's dead-execution detection)
                .heartbeatInterval(heartbeat)
                .enableImmediateExecution()
                .registerShutdownHook()
                .build();
    }

    /** Axon builds the deadline manager without starting the scheduler: start it once everything is wired. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> dbSchedulerStarter(Scheduler dbScheduler) {
        return event -> dbScheduler.start();
    }
}
