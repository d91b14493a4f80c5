package kr.salonmate.api.config;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A circuit breaker in front of the connection pool, for everything that uses the database: requests, processors,
 * schedulers. While PostgreSQL refuses connections, each borrower would otherwise wait the pool's whole
 * connection time-out; once one borrower has seen the database refuse, the circuit <em>opens</em> and for
 * {@code salonmate.db.circuit.open-for} every borrower is told at once ({@link SQLTransientConnectionException},
 * which the API answers as {@code 503 UPSTREAM_UNAVAILABLE}). Then it is <em>half open</em>: one borrower tries
 * the pool for real (the others are still refused at once); if it gets a connection the circuit closes, else it
 * opens again.
 *
 * <p>Only a pool that could not <em>make</em> a connection trips it (Hikari's time-out then carries the connect
 * failure as its cause). A pool merely busy under load times out without such a cause: that request gets its 503,
 * but the circuit stays closed, so a load peak never shuts out everyone.
 */
public final class DatabaseCircuit extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCircuit.class);

    private final Duration openFor;
    private final Clock clock;
    private final AtomicBoolean trialRunning = new AtomicBoolean();
    private volatile Instant openUntil;

    DatabaseCircuit(DataSource pool, Duration openFor, Clock clock) {
        super(pool);
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Wraps the application's connection pool ({@code salonmate.db.circuit.open-for}, default 2 s). */
    @Configuration(proxyBeanMethods = false)
    static class Installation {
        @Bean
        static BeanPostProcessor databaseCircuitAroundThePool(Environment environment) {
            Duration openFor = environment.getProperty("salonmate.db.circuit.open-for", Duration.class,
                    Duration.ofSeconds(2));
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof HikariDataSource pool
                            ? new DatabaseCircuit(pool, openFor, Clock.systemUTC()) : bean;
                }
            };
        }
    }

    public boolean isOpen() {
        return openUntil != null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return borrow(() -> super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return borrow(() -> super.getConnection(username, password));
    }

    private Connection borrow(Borrow borrow) throws SQLException {
        Instant until = openUntil;
        boolean trial = false;
        if (until != null) {
            if (clock.instant().isBefore(until) || !trialRunning.compareAndSet(false, true)) {
                throw new SQLTransientConnectionException(
                        "PostgreSQL is unavailable (circuit open); not trying until " + until, "08001");
            }
            trial = true;
        }
        try {
            Connection connection = borrow.get();
            if (trial || openUntil != null) {
                openUntil = null;
                log.info("PostgreSQL answers again: the database circuit is closed");
            }
            return connection;
        } catch (SQLException e) {
            if (trial || couldNotConnect(e)) {
                boolean wasClosed = openUntil == null;
                openUntil = clock.instant().plus(openFor);
                if (wasClosed) {
                    log.warn("PostgreSQL cannot be reached ({}): the database circuit is open, every caller is"
                            + " refused at once for {}", e.getMessage(), openFor);
                }
            }
            throw e;
        } finally {
            if (trial) {
                trialRunning.set(false);
            }
        }
    }

    /** The pool gave up because it could not open connections, not because all of them were busy. */
    static boolean couldNotConnect(SQLException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.SocketException
                    || cause instanceof java.net.UnknownHostException || cause instanceof java.io.EOFException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface Borrow {
        Connection get() throws SQLException;
    }
}
