package kr.salonmate.api.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The replay requests in {@code projection_replay} and each node's acknowledgement in
 * {@code projection_replay_node}: the table every node reads to learn that it must stop a processor, and may start
 * it again. State changes are conditional updates, so two nodes never move one request twice.
 */
@Component
public class ReplayRequests {

    /** Where a replay request stands. */
    public enum State {
        /** Every node is asked to stop the processor and release its claims. */
        STOPPING,
        /** The coordinating node resets the tokens (the projection's tables are cleared). */
        RESETTING,
        /** The processor runs again everywhere, reading every event from the first. */
        RUNNING,
        /** The processor has caught up with where it stood before the reset. */
        DONE,
        /** Given up (see {@code failure}); the processor runs again everywhere. */
        FAILED;

        /** While the request is in this state, no node may run the processor. */
        public boolean keepsProcessorStopped() {
            return this == STOPPING || this == RESETTING;
        }
    }

    public record Request(UUID id, String processor, State state, Instant requestedAt, String requestedBy,
                          String coordinator, Instant resetAt, Instant finishedAt, String failure) {
    }

    public record NodeAcknowledgement(String node, Instant stoppedAt, Instant startedAt) {
    }

    private static final String COLUMNS = "id, processor_name, state, requested_at, requested_by, coordinator, "
            + "reset_at, finished_at, failure";
    private static final String UNFINISHED = "('STOPPING', 'RESETTING', 'RUNNING')";

    private final JdbcTemplate jdbc;

    public ReplayRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new request in STOPPING; empty when the processor already has an unfinished one (on any node). */
    public Optional<Request> open(UUID id, String processor, String requestedBy, String coordinator) {
        try {
            jdbc.update("INSERT INTO projection_replay (id, processor_name, state, requested_at, requested_by, "
                    + "coordinator) VALUES (?, ?, 'STOPPING', now(), ?, ?)", id, processor, requestedBy, coordinator);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return find(id);
    }

    public Optional<Request> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM projection_replay WHERE id = ?", ReplayRequests::request, id)
                .stream().findFirst();
    }

    public Optional<Request> unfinished(String processor) {
        return jdbc.query("SELECT " + COLUMNS + " FROM projection_replay WHERE processor_name = ? AND state IN "
                + UNFINISHED, ReplayRequests::request, processor).stream().findFirst();
    }

    public List<Request> unfinished() {
        return jdbc.query("SELECT " + COLUMNS + " FROM projection_replay WHERE state IN " + UNFINISHED
                + " ORDER BY requested_at", ReplayRequests::request);
    }

    /** The processor's last request, finished or not. */
    public Optional<Request> latest(String processor) {
        return jdbc.query("SELECT " + COLUMNS + " FROM projection_replay WHERE processor_name = ? "
                + "ORDER BY requested_at DESC, id LIMIT 1", ReplayRequests::request, processor).stream().findFirst();
    }

    public List<NodeAcknowledgement> acknowledgements(UUID id) {
        return jdbc.query("SELECT node_id, stopped_at, started_at FROM projection_replay_node WHERE replay_id = ? "
                + "ORDER BY node_id", (rs, i) -> new NodeAcknowledgement(rs.getString("node_id"),
                instant(rs, "stopped_at"), instant(rs, "started_at")), id);
    }

    /** {@code node} has stopped the processor for this request (again, if it restarted in between). */
    public void stopped(UUID id, String node) {
        jdbc.update("INSERT INTO projection_replay_node (replay_id, node_id, stopped_at) VALUES (?, ?, now()) "
                + "ON CONFLICT (replay_id, node_id) DO UPDATE SET stopped_at = now(), started_at = NULL", id, node);
    }

    /** {@code node} has started the processor again after this request. */
    public void started(UUID id, String node) {
        jdbc.update("UPDATE projection_replay_node SET started_at = now() WHERE replay_id = ? AND node_id = ?", id,
                node);
    }

    /** Moves the request from {@code from} to {@code to}; false when it was not in {@code from}. */
    public boolean move(UUID id, State from, State to) {
        String stamp = to == State.RUNNING ? ", reset_at = now()" : to == State.DONE ? ", finished_at = now()" : "";
        return jdbc.update("UPDATE projection_replay SET state = ?" + stamp + " WHERE id = ? AND state = ?",
                to.name(), id, from.name()) == 1;
    }

    /**
     * Gives a request up before its reset was done (STOPPING or RESETTING: a failed reset rolls back); false when
     * it had moved on already.
     */
    public boolean fail(UUID id, String failure) {
        return jdbc.update("UPDATE projection_replay SET state = 'FAILED', failure = ?, finished_at = now() "
                + "WHERE id = ? AND state IN ('STOPPING', 'RESETTING')", failure, id) == 1;
    }

    private static Request request(ResultSet rs, int row) throws SQLException {
        return new Request(rs.getObject("id", UUID.class), rs.getString("processor_name"),
                State.valueOf(rs.getString("state")), instant(rs, "requested_at"), rs.getString("requested_by"),
                rs.getString("coordinator"), instant(rs, "reset_at"), instant(rs, "finished_at"),
                rs.getString("failure"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
