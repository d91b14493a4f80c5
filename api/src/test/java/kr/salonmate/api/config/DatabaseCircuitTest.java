package kr.salonmate.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import kr.salonmate.api.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The circuit's states: closed (every borrower tries the pool), open after the pool could not connect (everyone
 * refused at once, the pool untouched), half open after the open period (one trial; success closes, failure opens
 * again). A pool that is only busy does not open it.
 */
class DatabaseCircuitTest {

    private static final Duration OPEN_FOR = Duration.ofSeconds(2);

    private final FakePool pool = new FakePool();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T01:00:00Z"));
    private final DatabaseCircuit circuit = new DatabaseCircuit(pool, OPEN_FOR, clock);

    @Test
    void aPoolThatCannotConnectOpensTheCircuitAndLaterCallersAreRefusedWithoutWaiting() {
        pool.refusing = true;
        assertThatThrownBy(circuit::getConnection).hasMessageContaining("request timed out");
        assertThat(circuit.isOpen()).isTrue();

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(circuit::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("circuit open");
        }
        assertThat(pool.borrowed.get()).as("only the first caller waited for the pool").isEqualTo(1);
    }

    @Test
    void afterTheOpenPeriodOneTrialGoesThroughAndItsSuccessClosesTheCircuit() throws SQLException {
        pool.refusing = true;
        assertThatThrownBy(circuit::getConnection).isInstanceOf(SQLException.class);
        clock.advance(OPEN_FOR.plusMillis(1));

        assertThatThrownBy(circuit::getConnection).as("the trial fails: open again").isInstanceOf(SQLException.class);
        assertThat(pool.borrowed.get()).isEqualTo(2);
        assertThatThrownBy(circuit::getConnection).hasMessageContaining("circuit open");
        assertThat(pool.borrowed.get()).isEqualTo(2);

        pool.refusing = false;
        clock.advance(OPEN_FOR.plusMillis(1));
        assertThat(circuit.getConnection()).as("the trial succeeds").isNull();
        assertThat(circuit.isOpen()).isFalse();
        circuit.getConnection();
        circuit.getConnection();
        assertThat(pool.borrowed.get()).as("closed: every caller reaches the pool").isEqualTo(5);
    }

    @Test
    void aPoolThatIsOnlyBusyDoesNotOpenTheCircuit() {
        pool.busy = true;
        assertThatThrownBy(circuit::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(circuit.isOpen()).isFalse();
        assertThatThrownBy(circuit::getConnection).hasMessageContaining("request timed out");
        assertThat(pool.borrowed.get()).isEqualTo(2);
    }

    /** Answers like Hikari: a time-out, with the last connect failure as its cause when it could not connect. */
    private static final class FakePool extends AbstractDataSource {
        final AtomicInteger borrowed = new AtomicInteger();
        volatile boolean refusing;
        volatile boolean busy;

        @Override
        public Connection getConnection() throws SQLException {
            borrowed.incrementAndGet();
            if (refusing) {
                throw new SQLTransientConnectionException("pool - Connection is not available, request timed out",
                        "08001", new SQLException("Connection to 127.0.0.1:5432 refused", "08001",
                        new ConnectException("Connection refused")));
            }
            if (busy) {
                throw new SQLTransientConnectionException("pool - Connection is not available, request timed out");
            }
            return null;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
