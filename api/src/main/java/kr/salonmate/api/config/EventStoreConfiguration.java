package kr.salonmate.api.config;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store when Axon Server is off: Axon's JDBC storage engine on the tables the JPA engine used
 * ({@code domain_event_entry}, {@code snapshot_event_entry}; Flyway's V1, global index from {@code
 * domain_event_entry_seq} by the column's default since V11), reading {@code salonmate.event-store.batch-size}
 * events per query (Axon's default is 100: a replay from the start makes a tenth of the round trips).
 *
 * <p>Why JDBC and not JPA (ADR 25): every command loads its aggregate and appends its events. Through Hibernate
 * that was two translated queries and an entity per event, and every event a processor read became a managed
 * entity first; under ingest this was most of what was left of Axon's per-review cost (docs/benchmarks.md,
 * "Ingest"), and the larger part of a replay's reading thread. The JDBC engine sends prepared statements, appends
 * a unit of work's events as one batch, and works in the transaction of the unit of work like the token and saga
 * stores do (ADR 13). Tokens stay {@code GapAwareTrackingToken}s over the same global index, so processors resume
 * where they were. Not used with Axon Server, which stores and streams events itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventStoreConfiguration {

    /** Axon's tables as Flyway creates them (snake case: the JPA engine's naming). */
    static EventSchema schema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          DataSource dataSource,
                                          TransactionManager transactionManager,
                                          @Value("${salonmate.event-store.batch-size:1000}") int batchSize) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactionManager)
                .dataType(byte[].class)
                .schema(schema())
                .batchSize(batchSize)
                .lowestGlobalSequence(QuickTimestampEngine.LOWEST_GLOBAL_SEQUENCE)
                .maxGapOffset(QuickTimestampEngine.MAX_GAP_OFFSET)
                .gapTimeout(QuickTimestampEngine.GAP_TIMEOUT_MILLIS);
        return new QuickTimestampEngine(builder);
    }

    /**
     * Axon's JDBC engine, its events' timestamps read by {@link StoredTimestamps} instead of Axon's formatter-based
     * parser (a tenth of a replay's decoding thread, and as much again for the gap check of every tracked event).
     */
    static final class QuickTimestampEngine extends JdbcEventStorageEngine {

        /** Axon's defaults, set on the builder and kept here: the tracked read below needs them. */
        static final long LOWEST_GLOBAL_SEQUENCE = 1;
        static final int MAX_GAP_OFFSET = 10_000;
        static final int GAP_TIMEOUT_MILLIS = 60_000;

        QuickTimestampEngine(Builder builder) {
            super(builder);
        }

        /**
         * Axon's own {@code getTrackedEventData}, line for line (4.13), but for the timestamp: Axon parses it with
         * its formatter to decide whether the event may still leave gaps behind it, and that parse was 14 % of a
         * replay's decoding thread after the message's own timestamp had been made quick.
         */
        @Override
        protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
                throws SQLException {
            EventSchema schema = schema();
            long globalSequence = resultSet.getLong(schema.globalIndexColumn());
            String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
            String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
            String timestamp = resultSet.getString(schema.timestampColumn());
            DomainEventData<?> event = new QuickTimestampEventData<>(new GenericDomainEventEntry<>(
                    resultSet.getString(schema.typeColumn()),
                    eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                    resultSet.getLong(schema.sequenceNumberColumn()),
                    eventIdentifier,
                    timestamp,
                    resultSet.getString(schema.payloadTypeColumn()),
                    resultSet.getString(schema.payloadRevisionColumn()),
                    readPayload(resultSet, schema.payloadColumn()),
                    readPayload(resultSet, schema.metaDataColumn())), timestamp);
            boolean allowGaps = event.getTimestamp().isAfter(
                    GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
            GapAwareTrackingToken token;
            if (previousToken == null) {
                token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                        ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                                .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet());
            } else {
                token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
            }
            return new TrackedDomainEventData<>(token, event);
        }

        @Override
        protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
            return new QuickTimestampEventData<>(super.getDomainEventData(resultSet),
                    resultSet.getString(schema().timestampColumn()));
        }
    }
}
