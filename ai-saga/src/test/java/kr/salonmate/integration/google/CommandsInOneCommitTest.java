package kr.salonmate.integration.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A batch of commands is one unit of work: one transaction, one append of all their events; a failing command costs
 * the batch its commit, and the others go through on their own. Real Axon parts: the local command bus, the gateway,
 * an event store; only the database is played by a transaction manager that behaves like Spring's (a transaction
 * started inside another one joins it) and counts.
 */
class CommandsInOneCommitTest {

    record Receive(String review) {
    }

    /** Counts the transactions that really begin and end, as a database would see them. */
    static final class JoiningTransactions implements TransactionManager {
        private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
        int begun;
        int committed;
        int rolledBack;

        @Override
        public Transaction startTransaction() {
            boolean outer = depth.get() == 0;
            depth.set(depth.get() + 1);
            if (outer) {
                begun++;
            }
            return new Transaction() {
                private boolean completed; // as Spring's status: a completed transaction is not ended twice

                @Override
                public void commit() {
                    if (!completed) {
                        completed = true;
                        depth.set(depth.get() - 1);
                        committed += outer ? 1 : 0;
                    }
                }

                @Override
                public void rollback() {
                    if (!completed) {
                        completed = true;
                        depth.set(depth.get() - 1);
                        rolledBack += outer ? 1 : 0;
                    }
                }
            };
        }
    }

    /** Remembers how the events arrived: each call is one append, one INSERT batch in the real store. */
    static final class CountingStorage extends InMemoryEventStorageEngine {
        final List<Integer> appends = new ArrayList<>();

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            appends.add(events.size());
            super.appendEvents(events);
        }

        List<Object> stored() {
            try (Stream<? extends EventMessage<?>> all = readEvents(null, false)) {
                return all.map(EventMessage::getPayload).map(Object.class::cast).toList();
            }
        }
    }

    private final JoiningTransactions transactions = new JoiningTransactions();
    private final CountingStorage storage = new CountingStorage();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().transactionManager(transactions).build();
    private final CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();

    CommandsInOneCommitTest() {
        bus.subscribe(Receive.class.getName(), command -> {
            String review = ((Receive) command.getPayload()).review();
            if (review.startsWith("bad")) {
                throw new IllegalArgumentException("no stars: " + review);
            }
            events.publish(GenericEventMessage.asEventMessage("received " + review));
            return null;
        });
    }

    @AfterEach
    void noUnitOfWorkLeftBehind() {
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
        events.shutDown();
    }

    @Test
    void aBatchIsOneTransactionAndOneAppend() {
        Map<Object, RuntimeException> failed = new CommandsInOneCommit(gateway, transactions)
                .sendAll(List.of(new Receive("a"), new Receive("b"), new Receive("c")));

        assertThat(failed).isEmpty();
        assertThat(transactions.begun).isEqualTo(1);
        assertThat(transactions.committed).isEqualTo(1);
        assertThat(storage.appends).containsExactly(3);
        assertThat(storage.stored()).containsExactly("received a", "received b", "received c");
    }

    @Test
    void aFailingCommandCostsItsBatchTheCommitAndTheOthersGoThroughOnTheirOwn() {
        Receive bad = new Receive("bad-1");

        Map<Object, RuntimeException> failed = new CommandsInOneCommit(gateway, transactions)
                .sendAll(List.of(new Receive("a"), bad, new Receive("c")));

        assertThat(failed).containsOnlyKeys(bad);
        assertThat(failed.get(bad)).hasMessageContaining("no stars: bad-1");
        // the batch: begun and rolled back with nothing appended; then a, bad, c each in a transaction of their own
        assertThat(transactions.begun).isEqualTo(4);
        assertThat(transactions.rolledBack).isEqualTo(2);
        assertThat(transactions.committed).isEqualTo(2);
        assertThat(storage.appends).containsExactly(1, 1);
        assertThat(storage.stored()).containsExactly("received a", "received c"); // nothing twice
    }

    @Test
    void withoutATransactionManagerEveryCommandGoesOnItsOwn() {
        Map<Object, RuntimeException> failed = new CommandsInOneCommit(gateway, null)
                .sendAll(List.of(new Receive("a"), new Receive("b")));

        assertThat(failed).isEmpty();
        assertThat(storage.appends).containsExactly(1, 1);
    }
}
