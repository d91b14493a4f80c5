package kr.salonmate.api.config;

import java.lang.management.ManagementFactory;

/**
 * This node's name among the nodes that share the database: the owner it writes into {@code token_entry} when it
 * claims a segment, and its row in {@code cluster_node}. {@code salonmate.cluster.node-id}
 * ({@code SALONMATE_CLUSTER_NODE_ID}) when set, else Axon's own default ({@code pid@host}); two nodes must never
 * share one, or each would take the other's claims for its own.
 */
public record NodeName(String value) {

    public static NodeName of(String configured) {
        return new NodeName(configured == null || configured.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() : configured.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
