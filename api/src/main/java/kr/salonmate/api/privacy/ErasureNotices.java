package kr.salonmate.api.privacy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Makes an erasure take effect on every node at once. The erasing transaction sends a PostgreSQL notification on
 * {@value #CHANNEL} (delivered only if, and when, it commits); every node listens on one connection of its own and
 * drops the subject's key from its cache as soon as the notice arrives, instead of reading with it until the cache's
 * time to live runs out. While the node is not listening (start, a lost connection) it may miss notices, so each
 * time it starts listening it forgets every cached key; the time to live stays as the last bound if notices stop
 * without the connection failing.
 *
 * <p>Why a connection of its own: a pooled one would be handed back and lose its LISTEN, or be held for ever and
 * count against the pool.
 */
public class ErasureNotices implements SmartLifecycle {

    static final String CHANNEL = "salonmate_key_erased";
    private static final Logger log = LoggerFactory.getLogger(ErasureNotices.class);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final SubjectKeys keys;
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection connection;

    public ErasureNotices(DataSource dataSource, SubjectKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::listen, "erasure-notices");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            closeQuietly(connection);
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean failedBefore = false;
        while (running) {
            try (Connection c = open()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                keys.forgetCache(); // whatever was erased while nobody here was listening
                if (failedBefore) {
                    log.info("Listening for erasures again");
                    failedBefore = false;
                }
                PGConnection notices = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = notices.getNotifications(POLL_MILLIS);
                    if (arrived != null) {
                        for (PGNotification notice : arrived) {
                            keys.evict(notice.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failedBefore) {
                    log.warn("Not listening for erasures ({}); cached keys expire after their time to live, "
                            + "trying again every {} s", e.getMessage(), RECONNECT_DELAY.toSeconds());
                    failedBefore = true;
                }
                keys.forgetCache();
                try {
                    Thread.sleep(RECONNECT_DELAY.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            } finally {
                connection = null;
            }
        }
    }

    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            Properties properties = new Properties();
            properties.putAll(pool.getDataSourceProperties());
            if (pool.getUsername() != null) {
                properties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            properties.setProperty("ApplicationName", "salonmate-erasure-notices");
            return DriverManager.getConnection(pool.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing to wake the listener up; it is going away anyway
            }
        }
    }
}
