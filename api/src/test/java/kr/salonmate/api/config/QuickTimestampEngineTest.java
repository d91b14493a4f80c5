package kr.salonmate.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.salonmate.api.support.TestDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's own reading of tracked events gives what Axon's gives: the same events, timestamps and tokens,
 * gaps included (a gap is kept behind a recent event and dropped behind one older than the gap time-out).
 */
class QuickTimestampEngineTest {

    private TestDatabase.Database database;
    private HikariDataSource pool;

    @BeforeEach
    void eventStore() {
        database = TestDatabase.create("quickts");
        pool = new HikariDataSource();
        pool.setJdbcUrl(database.url());
        pool.setUsername(database.username());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(2);
        Flyway.configure().dataSource(pool).locations("classpath:db/axon").load().migrate();
    }

    @AfterEach
    void drop() {
        pool.close();
        TestDatabase.drop(database);
    }

    @Test
    void readsTrackedEventsAsAxonDoesGapsIncluded() {
        Instant now = Instant.now();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // old events first (no gap may stay behind them), then recent ones (gaps kept), odd fractions among them
            Instant at = i < 6 ? now.minusSeconds(3_600 - i) : now.minusMillis(900 - i * 7L);
            events.add(new GenericDomainEventMessage<>("Review", "r-" + (i % 3), i / 3,
                    new GenericMessage<>(Map.of("n", i)), at));
        }
        JdbcEventStorageEngine axons = engine(false);
        axons.appendEvents(events);
        // gaps: one row behind an old event, two behind recent ones
        new JdbcTemplate(pool).update("DELETE FROM domain_event_entry WHERE global_index IN (3, 8, 10)");

        List<String> expected = read(axons);
        List<String> quick = read(engine(true));

        assertThat(expected).hasSize(9);
        assertThat(quick).isEqualTo(expected);
        assertThat(expected.get(expected.size() - 1)).contains("gaps=[8, 10]");
    }

    private List<String> read(JdbcEventStorageEngine engine) {
        return engine.readEvents(null, false).map(QuickTimestampEngineTest::describe).collect(Collectors.toList());
    }

    private static String describe(TrackedEventMessage<?> event) {
        return event.getIdentifier() + " " + event.getTimestamp() + " " + event.trackingToken();
    }

    private JdbcEventStorageEngine engine(boolean quick) {
        JacksonSerializer json = JacksonSerializer.defaultSerializer();
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(json)
                .eventSerializer(json)
                .connectionProvider(new SpringDataSourceConnectionProvider(pool))
                .transactionManager(NoTransactionManager.INSTANCE)
                .dataType(byte[].class)
                .schema(EventStoreConfiguration.schema())
                .lowestGlobalSequence(EventStoreConfiguration.QuickTimestampEngine.LOWEST_GLOBAL_SEQUENCE)
                .maxGapOffset(EventStoreConfiguration.QuickTimestampEngine.MAX_GAP_OFFSET)
                .gapTimeout(EventStoreConfiguration.QuickTimestampEngine.GAP_TIMEOUT_MILLIS);
        return quick ? new EventStoreConfiguration.QuickTimestampEngine(builder) : builder.build();
    }
}
