package kr.salonmate.query.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events in through the real event store, rows out of PostgreSQL, answers through the query bus. All projection
 * tests share one application context (one database); each test works in shops of its own.
 */
@SpringBootTest(classes = QuerySideTestApplication.class)
public abstract class ProjectionTest {

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);

    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected QueryGateway queries;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected TransactionTemplate transactions;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    private TransactionManager axonTransactions;

    /** Appends the events to the event store in one transaction, and waits until every projection has them. */
    protected void given(DomainEventMessage<?>... events) {
        publish(events);
        awaitProjections();
    }

    /**
     * Appends the events in a unit of work with a transaction, as an aggregate's command handler does: the event
     * store wakes its consumers after the commit.
     */
    protected void publish(DomainEventMessage<?>... events) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(axonTransactions);
        unitOfWork.execute(() -> eventStore.publish(Arrays.asList(events)));
    }

    /** Waits until each of the module's processors has handled every event in the store. */
    protected void awaitProjections() {
        long head = eventStore.createHeadToken().position().orElse(-1);
        await().atMost(CATCH_UP_LIMIT).pollInterval(Duration.ofMillis(25))
                .until(() -> QuerySideModule.PROCESSING_GROUPS.stream().allMatch(group -> caughtUp(group, head)));
    }

    protected StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor for " + group));
    }

    private boolean caughtUp(String group, long head) {
        Map<Integer, EventTrackerStatus> segments = processor(group).processingStatus();
        double covered = segments.values().stream()
                .filter(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head)
                .mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1))
                .sum();
        return covered > 0.999;
    }

    protected <R> R query(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }

    protected <R> Optional<R> queryOptional(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(type)).join();
    }

    protected <R> List<R> queryList(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(type)).join();
    }
}
