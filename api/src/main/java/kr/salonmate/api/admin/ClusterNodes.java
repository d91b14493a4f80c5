package kr.salonmate.api.admin;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kr.salonmate.api.config.NodeName;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The nodes that share this database, as their heartbeats in {@code cluster_node} tell. A node is alive while its
 * last heartbeat is younger than {@code salonmate.cluster.node-timeout} (default 5 s); the database's clock is the
 * only one used, so the nodes' clocks need not agree.
 */
@Component
public class ClusterNodes {

    private final NodeName self;
    private final JdbcTemplate jdbc;
    private final Duration nodeTimeout;

    public ClusterNodes(NodeName self, JdbcTemplate jdbc,
                        @Value("${salonmate.cluster.node-timeout:PT5S}") Duration nodeTimeout) {
        this.self = self;
        this.jdbc = jdbc;
        this.nodeTimeout = nodeTimeout;
    }

    public String self() {
        return self.value();
    }

    /** This node is alive: its row in {@code cluster_node} is written now. */
    public void heartbeat() {
        jdbc.update("INSERT INTO cluster_node (node_id, started_at, last_seen) VALUES (?, now(), now()) "
                + "ON CONFLICT (node_id) DO UPDATE SET last_seen = now()", self.value());
    }

    /** This node joins: its heartbeat starts, and rows of nodes gone for a day (killed, never back) are cleared. */
    public void join() {
        jdbc.update("DELETE FROM cluster_node WHERE last_seen < now() - interval '1 day'");
        heartbeat();
    }

    /** This node goes away cleanly: the others stop counting on it at once. */
    public void leave() {
        jdbc.update("DELETE FROM cluster_node WHERE node_id = ?", self.value());
    }

    /** The nodes whose last heartbeat is younger than the node time-out. */
    public Set<String> alive() {
        List<String> nodes = jdbc.queryForList("SELECT node_id FROM cluster_node "
                + "WHERE last_seen > now() - make_interval(secs => ?)", String.class, nodeTimeout.toMillis() / 1000.0);
        return new TreeSet<>(nodes);
    }

    public boolean alive(String node) {
        return alive().contains(node);
    }
}
