package kr.salonmate.integration.google;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import kr.salonmate.messages.shop.ShopId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A PostgreSQL session-level advisory lock ({@code pg_try_advisory_lock(hashtext('review-sync:' || shopId))}),
 * held on one pooled connection for the duration of the sync and released before the connection goes back to the
 * pool. If releasing fails the connection is aborted, so the lock dies with its session instead of lingering.
 *
 * <p>A sync asked for while another node holds the lock is noted in {@code review_sync_pending}; the holder looks
 * for the note after releasing the lock and syncs again (see {@link ReviewSync}).
 */
public class PgAdvisoryShopSyncLock implements ShopSyncLock {

    private static final Logger log = LoggerFactory.getLogger(PgAdvisoryShopSyncLock.class);

    private final DataSource dataSource;

    public PgAdvisoryShopSyncLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean runExclusively(ShopId shopId, Runnable work) {
        String key = "review-sync:" + shopId;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                if (!call(connection, "select pg_try_advisory_lock(hashtext(?))", key)) {
                    return false;
                }
                try {
                    work.run();
                    return true;
                } finally {
                    unlock(connection, key);
                }
            } finally {
                if (!autoCommit && !connection.isClosed()) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not take the sync lock of shop " + shopId, e);
        }
    }

    @Override
    public void markPending(ShopId shopId) {
        update("INSERT INTO review_sync_pending (shop_id) VALUES (?) ON CONFLICT (shop_id) DO UPDATE "
                + "SET requested_at = now()", shopId);
    }

    @Override
    public boolean isPending(ShopId shopId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT 1 FROM review_sync_pending WHERE shop_id = ?")) {
            statement.setObject(1, shopId.value());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not read the pending sync of shop " + shopId, e);
        }
    }

    @Override
    public void takePending(ShopId shopId) {
        update("DELETE FROM review_sync_pending WHERE shop_id = ?", shopId);
    }

    private void update(String sql, ShopId shopId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, shopId.value());
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not note a pending sync of shop " + shopId, e);
        }
    }

    private static void unlock(Connection connection, String key) {
        try {
            if (!call(connection, "select pg_advisory_unlock(hashtext(?))", key)) {
                log.warn("Sync lock {} was not held at release", key);
            }
        } catch (SQLException e) {
            log.warn("Could not release sync lock {}; dropping the connection", key, e);
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // the pool will find out
            }
        }
    }

    private static boolean call(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
