package kr.salonmate.query;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * One {@code INSERT} a projection makes per event, sent as one JDBC batch per batch of events: the rows wait in
 * the batch's unit of work and go to PostgreSQL just before it commits, in its transaction (the root unit of work's
 * prepare-commit phase, as {@code InboxStamps}), so they commit with the token or not at all. A sync's page of
 * fifty reviews was fifty round trips per table (docs/benchmarks.md).
 *
 * <p>A statement of the projection's that must see these rows (an update of them, a delete) calls {@link #flush()}
 * first. Outside any unit of work (a direct call) a row is inserted at once. The statement should not fail on a
 * row (e.g. {@code ON CONFLICT … DO NOTHING}): a failure fails the whole batch, which Axon then retries, instead of
 * dead-lettering the one event.
 */
public final class BatchedInserts {

    /** Names each instance's resource in a unit of work: two instances never share one (an identity hash might). */
    private static final AtomicLong INSTANCES = new AtomicLong();

    private final NamedParameterJdbcTemplate jdbc;
    private final String sql;
    private final String key;

    public BatchedInserts(NamedParameterJdbcTemplate jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.key = BatchedInserts.class.getName() + "#" + INSTANCES.incrementAndGet();
    }

    /** Inserts the row with the batch, before it commits. */
    public void add(SqlParameterSource row) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, row);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<SqlParameterSource> rows = batch.getOrComputeResource(key, k -> {
            List<SqlParameterSource> pending = new ArrayList<>();
            batch.onPrepareCommit(u -> write(pending));
            return pending;
        });
        rows.add(row);
    }

    /** Inserts the rows waiting in this batch now: before a statement that must see them. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            List<SqlParameterSource> rows = CurrentUnitOfWork.get().root().getResource(key);
            if (rows != null) {
                write(rows);
            }
        }
    }

    private void write(List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
            rows.clear();
        }
    }
}
