package kr.salonmate.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A processor's last replay request as the admin API shows it. {@code nodesAcknowledged}: the nodes that stopped the
 * processor for it (and when they started it again); {@code waitingFor}: while {@code STOPPING}, the live nodes
 * that have not stopped yet and the owners of token claims that still stand in the way of the reset.
 */
public record ProjectionReplay(UUID id, ReplayRequests.State state, Instant requestedAt, String requestedBy,
                               String coordinator, List<ReplayRequests.NodeAcknowledgement> nodesAcknowledged,
                               List<String> waitingFor, Instant resetAt, Instant finishedAt, String failure) {
}
