package kr.salonmate.api.admin;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Spreads the segments of each streaming processor over the live nodes. Without Axon Server nothing balances token
 * claims: the first node up claims every segment its threads can hold and keeps them, so a node that joins later
 * gets no work until the first one restarts. Every {@code salonmate.cluster.balance-period} (10 s) each node counts
 * the live nodes ({@code cluster_node} heartbeats) and, for each running processor where it holds more than its fair
 * share (segments / live nodes, rounded up), releases the surplus for {@code salonmate.cluster.release-for} (10 s):
 * a node with fewer claims takes them meanwhile (Axon's own claim rules; an event is still handled by one owner only).
 * A released segment nobody takes comes back to this node after that time. Processors that are stopped (a replay
 * under way, ADR 10) are left alone.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final ClusterNodes nodes;
    private final Duration period;
    private final Duration releaseFor;
    private final boolean enabled;
    private volatile ScheduledExecutorService ticker;

    public SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokens, TransactionManager transactions,
                           ClusterNodes nodes,
                           @Value("${salonmate.cluster.balance-period:PT10S}") Duration period,
                           @Value("${salonmate.cluster.release-for:PT10S}") Duration releaseFor,
                           @Value("${salonmate.cluster.balance-enabled:true}") boolean enabled) {
        this.processing = processing;
        this.tokens = tokens;
        this.transactions = transactions;
        this.nodes = nodes;
        this.period = period;
        this.releaseFor = releaseFor;
        this.enabled = enabled;
    }

    /** One look at every processor; returns how many segments this node released. */
    int balance() {
        Set<String> live = new HashSet<>(nodes.alive());
        live.add(nodes.self());
        if (live.size() < 2) {
            return 0;
        }
        int released = 0;
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            if (processor.isRunning() && !processor.isError()) {
                released += balance(processor, live.size());
            }
        }
        return released;
    }

    private int balance(StreamingEventProcessor processor, int liveNodes) {
        int segments = transactions.fetchInTransaction(() -> tokens.fetchSegments(processor.getName())).length;
        int fairShare = (segments + liveNodes - 1) / liveNodes;
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        int surplus = held.size() - fairShare;
        for (int i = 0; i < surplus; i++) {
            int segment = held.get(held.size() - 1 - i);
            processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Released segment {} of {} for another node ({} held, fair share {} of {} over {} nodes)",
                    segment, processor.getName(), held.size(), fairShare, segments, liveNodes);
        }
        return Math.max(0, surplus);
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                log.warn("Balancing segments failed; trying again in {}", period, e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        ticker = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = ticker;
        ticker = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }
}
