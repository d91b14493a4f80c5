package kr.salonmate.api.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kr.salonmate.api.admin.ReplayRequests.Request;
import kr.salonmate.api.admin.ReplayRequests.State;
import kr.salonmate.api.error.ApiException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.springboot.TokenStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The replay of a projection from the first event, coordinated through the database across every node that runs
 * it (docs/decisions/0010-coordinated-replay.md; nodes share nothing but PostgreSQL, with or without Axon Server).
 *
 * <ol>
 *   <li>{@code POST …/replay} writes a request in {@code STOPPING} (one unfinished request per processor: a
 *   second one is 409) and answers at once; this node, the coordinator, carries it out in the background.</li>
 *   <li>Every node looks at the requests every {@code salonmate.replay.poll-interval} (1 s): for one in
 *   {@code STOPPING} or {@code RESETTING} it shuts the processor down (which releases its token claims) and
 *   records that it did.</li>
 *   <li>The coordinator waits until every live node (heartbeat within {@code salonmate.cluster.node-timeout}) has
 *   stopped, and until no token claim stands in the way: a claim whose owner stopped heartbeating is waited for
 *   only until Axon's claim time-out lets the reset take it over. Then {@code RESETTING}: it resets the tokens
 *   (Axon calls the projection's {@code @ResetHandler} and stores replay tokens, in one transaction), releases the
 *   claims the reset took, moves the request to {@code RUNNING} and starts the processor; the other nodes see
 *   {@code RUNNING} and start theirs. Any node marks the request {@code DONE} once the processor has caught up.</li>
 *   <li>Not every node stopped within {@code salonmate.replay.stop-timeout} (1 min), or the coordinator went away:
 *   {@code FAILED}, nothing reset, the processor runs again everywhere.</li>
 * </ol>
 *
 * <p>Only the processor being replayed stops; every other read model keeps serving. Processors with side effects
 * (sagas, policies) cannot be reset and are refused with 409.
 */
@Service
public class ReplayCoordinator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplayCoordinator.class);

    private final ProjectionAdmin projections;
    private final ReplayRequests requests;
    private final ClusterNodes nodes;
    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration claimTimeout;
    private final Duration pollInterval;
    private final Duration heartbeatInterval;
    private final Duration stopTimeout;

    /** The requests this node has stopped its processor for, and not yet started it again after. */
    private final Map<UUID, Request> holding = new HashMap<>();
    /** The requests this node coordinates now. */
    private final Set<UUID> coordinating = ConcurrentHashMap.newKeySet();
    /** The periodic tasks whose last run failed. */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    // made in start(): a context can be stopped and started again (Spring's test contexts are paused between uses)
    private volatile ExecutorService coordination = Executors.newCachedThreadPool(daemon("projection-replay"));
    private ScheduledExecutorService ticker;
    private volatile boolean running;

    public ReplayCoordinator(ProjectionAdmin projections, ReplayRequests requests, ClusterNodes nodes,
                             EventProcessingConfiguration processing, TransactionManager transactions,
                             JdbcTemplate jdbc, Clock clock, TokenStoreProperties tokenStore,
                             @Value("${salonmate.replay.poll-interval:PT1S}") Duration pollInterval,
                             @Value("${salonmate.cluster.heartbeat-interval:PT1S}") Duration heartbeatInterval,
                             @Value("${salonmate.replay.stop-timeout:PT1M}") Duration stopTimeout) {
        this.projections = projections;
        this.requests = requests;
        this.nodes = nodes;
        this.processing = processing;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.claimTimeout = tokenStore.getClaimTimeout();
        this.pollInterval = pollInterval;
        this.heartbeatInterval = heartbeatInterval;
        this.stopTimeout = stopTimeout;
    }

    /** Asks for a replay of {@code name}: 404 unknown, 409 side effects or a replay already under way. */
    public Request request(String name, String requestedBy) {
        StreamingEventProcessor processor = projections.streaming(name);
        if (!processor.supportsReset()) {
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Processor " + name + " cannot be replayed: it "
                    + "has side effects (a saga or policy), so it never reads past events again");
        }
        UUID id = UUID.randomUUID();
        coordinating.add(id); // before the row exists, so that this node's poll never takes it for an orphan
        Request request = requests.open(id, name, requestedBy, nodes.self()).orElseThrow(() -> {
            coordinating.remove(id);
            return underWay(name);
        });
        log.info("Replay {} of {} requested by {}: stopping it on every node", request.id(), name, requestedBy);
        try {
            coordination.execute(() -> coordinate(request));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            coordinating.remove(id);
            requests.fail(id, "The coordinating node " + nodes.self() + " is shutting down; nothing was reset");
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                    "This node is shutting down; ask again shortly");
        }
        return request;
    }

    /** The status with the processor's last replay request. */
    public ProjectionAdmin.ProjectionStatus withReplay(ProjectionAdmin.ProjectionStatus status) {
        return requests.latest(status.name()).map(request -> status.withReplay(view(request, status)))
                .orElse(status);
    }

    private ProjectionReplay view(Request request, ProjectionAdmin.ProjectionStatus status) {
        State state = request.state() == State.RUNNING && !status.replaying() ? State.DONE : request.state();
        List<String> waiting = request.state() == State.STOPPING ? waitingFor(request) : List.of();
        return new ProjectionReplay(request.id(), state, request.requestedAt(), request.requestedBy(),
                request.coordinator(), requests.acknowledgements(request.id()), waiting, request.resetAt(),
                request.finishedAt(), request.failure());
    }

    private ApiException underWay(String name) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        requests.unfinished(name).ifPresent(other -> {
            details.put("replayId", other.id());
            details.put("state", other.state());
            details.put("requestedAt", other.requestedAt());
        });
        return new ApiException(HttpStatus.CONFLICT, "CONFLICT", "A replay of " + name + " is already under way; "
                + "follow it with GET /v1/admin/projections/" + name, details);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The coordinator: wait for every node, reset, start again

    private void coordinate(Request request) {
        String name = request.processor();
        try {
            Instant deadline = clock.instant().plus(stopTimeout);
            while (true) {
                // again on every round: something may have started the processor here meanwhile
                stopHere(request);
                List<String> waiting = waitingFor(request);
                if (waiting.isEmpty()) {
                    if (!requests.move(request.id(), State.STOPPING, State.RESETTING)) {
                        log.warn("Replay {} of {} was given up while waiting for the nodes", request.id(), name);
                        return;
                    }
                    if (reset(request)) {
                        requests.move(request.id(), State.RESETTING, State.RUNNING);
                        log.info("Replay {} of {}: tokens reset, rebuilding from the first event on every node",
                                request.id(), name);
                        return;
                    }
                    requests.move(request.id(), State.RESETTING, State.STOPPING);
                }
                if (clock.instant().isAfter(deadline)) {
                    String failure = "Not every node stopped " + name + " within " + stopTimeout.toSeconds()
                            + " s; still waiting for " + (waiting.isEmpty() ? "nodes that kept claiming its segments"
                            : String.join(", ", waiting)) + ". Nothing was reset.";
                    log.warn("Replay {} of {}: {}", request.id(), name, failure);
                    requests.fail(request.id(), failure);
                    return;
                }
                Thread.sleep(Math.max(20, Math.min(200, pollInterval.toMillis() / 2)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requests.fail(request.id(), "The coordinating node " + nodes.self() + " shut down; nothing was reset");
        } catch (RuntimeException e) {
            log.warn("Replay {} of {} failed", request.id(), name, e);
            requests.fail(request.id(), "The replay failed on " + nodes.self() + ": " + e);
        } finally {
            coordinating.remove(request.id());
            if (running) {
                startHere(request);
            }
        }
    }

    /**
     * Resets the tokens (the {@code @ResetHandler} runs in the same transaction) and gives up the claims that the
     * reset took, so that every node can claim its segments again at once. False: a claim could not be taken (a
     * node claimed a segment in the meantime); nothing was reset.
     */
    private boolean reset(Request request) {
        String name = request.processor();
        StreamingEventProcessor processor = projections.streaming(name);
        try {
            processor.resetTokens();
        } catch (IllegalStateException notStopped) {
            // running again, or its last thread still winding down ("must be shut down before triggering a
            // reset"): nothing was reset; the next round stops it again and retries, until the stop time-out
            log.info("Replay {} of {}: the processor is not stopped here yet ({}); waiting again", request.id(), name,
                    notStopped.getMessage());
            return false;
        } catch (RuntimeException e) {
            if (causedBy(e, UnableToClaimTokenException.class)) {
                log.info("Replay {} of {}: a segment was claimed meanwhile ({}); waiting again", request.id(), name,
                        e.getMessage());
                return false;
            }
            throw e;
        }
        TokenStore tokens = processing.tokenStore(name);
        try {
            transactions.executeInTransaction(() -> {
                for (int segment : tokens.fetchSegments(name)) {
                    tokens.releaseClaim(name, segment);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Replay {} of {}: could not release the claims the reset took; they expire after {}: {}",
                    request.id(), name, claimTimeout, e.toString());
        }
        return true;
    }

    /**
     * What the reset still waits for: live nodes that have not stopped the processor, and owners of claims that
     * are neither the coordinator's own nor expired (Axon lets the reset take an expired claim over: a node that
     * died holds up a replay for at most the claim time-out).
     */
    private List<String> waitingFor(Request request) {
        Set<String> stopped = new HashSet<>();
        requests.acknowledgements(request.id()).forEach(ack -> stopped.add(ack.node()));
        Set<String> waiting = new TreeSet<>();
        for (String node : nodes.alive()) {
            if (!stopped.contains(node)) {
                waiting.add(node);
            }
        }
        Instant expiredBefore = clock.instant().minus(claimTimeout);
        jdbc.query("SELECT owner, \"timestamp\" FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL",
                rs -> {
                    String owner = rs.getString("owner");
                    if (!owner.equals(request.coordinator()) && !expired(rs.getString("timestamp"), expiredBefore)) {
                        waiting.add(owner);
                    }
                }, request.processor());
        return new ArrayList<>(waiting);
    }

    private static boolean expired(String timestamp, Instant before) {
        try {
            return Instant.parse(timestamp).isBefore(before);
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Every node: stop for a request, start again after it

    /** Looks at the unfinished requests: stops, starts, notices a lost coordinator and a finished replay. */
    void tick() {
        // What this node holds is read BEFORE the requests: a request is held only after its row was written, so
        // every held request is in the read below unless it has really finished. Read the other way round, a
        // request made (and stopped for by its coordinator) between the two reads looked finished, and its
        // processor was started again before its reset ("must be shut down before triggering a reset").
        List<Request> held = heldRequests();
        List<Request> unfinished = requests.unfinished();
        Map<UUID, Request> byId = new HashMap<>();
        Set<String> keptStopped = new HashSet<>();
        for (Request request : unfinished) {
            byId.put(request.id(), request);
            if (request.state().keepsProcessorStopped()) {
                keptStopped.add(request.processor());
            }
        }
        for (Request request : held) {
            Request now = byId.get(request.id());
            if (now == null || !now.state().keepsProcessorStopped()) {
                if (keptStopped.contains(request.processor())) {
                    release(request);
                } else {
                    startHere(request);
                }
            }
        }
        Set<String> alive = null;
        for (Request request : unfinished) {
            if (request.state().keepsProcessorStopped()) {
                String lost = null;
                if (request.coordinator().equals(nodes.self())) {
                    if (!coordinating.contains(request.id())) {
                        lost = "The coordinating node " + nodes.self() + " restarted before the replay was done";
                    }
                } else {
                    alive = alive == null ? nodes.alive() : alive;
                    if (!alive.contains(request.coordinator())) {
                        lost = "The coordinating node " + request.coordinator() + " stopped answering before the "
                                + "replay was done";
                    }
                }
                if (lost == null) {
                    stopHere(request);
                } else if (requests.fail(request.id(), lost + "; if `replaying` is true the reset had happened, "
                        + "else ask for the replay again")) {
                    log.warn("Replay {} of {}: {}; given up", request.id(), request.processor(), lost);
                }
            } else if (request.state() == State.RUNNING && !projections.progress(request.processor()).replaying()) {
                if (requests.move(request.id(), State.RUNNING, State.DONE)) {
                    log.info("Replay {} of {} is done: the projection has caught up", request.id(),
                            request.processor());
                }
            }
        }
    }

    /** Shuts the processor down here (once per request) and records that this node has stopped it. */
    private synchronized void stopHere(Request request) {
        if (holding.containsKey(request.id())) {
            keepStopped(request);
            return;
        }
        // the poll read the request a moment ago: do not stop for one that has moved on (reset done or given up)
        if (!requests.find(request.id()).map(now -> now.state().keepsProcessorStopped()).orElse(false)) {
            return;
        }
        projections.local(request.processor()).ifPresent(processor -> {
            log.info("Replay {} of {}: stopping it on {}", request.id(), request.processor(), nodes.self());
            processor.shutDown();
        });
        holding.put(request.id(), request);
        requests.stopped(request.id(), nodes.self());
    }

    /**
     * Stops the processor again if something started it while a request holds it stopped (the application context
     * started again, say: {@code ProcessorsStartWhenReady} starts every processor that is not running). Left
     * running, it would claim its segments again and the reset would fail.
     */
    private void keepStopped(Request request) {
        projections.local(request.processor()).filter(StreamingEventProcessor::isRunning).ifPresent(processor -> {
            log.warn("Replay {} of {}: the processor was started again on {} before its reset; stopping it again",
                    request.id(), request.processor(), nodes.self());
            processor.shutDown();
        });
    }

    /** Starts the processor here again after the request (once), and records that. */
    private synchronized void startHere(Request request) {
        if (holding.remove(request.id()) == null) {
            return;
        }
        // a newer request for the same processor stopped it too (a replay asked for right after one failed): it
        // stays stopped until that one is done with it
        boolean stillHeld = holding.values().stream().anyMatch(other -> other.processor().equals(request.processor()));
        projections.local(request.processor()).filter(processor -> !stillHeld).ifPresent(processor -> {
            log.info("Replay {} of {}: starting it again on {}", request.id(), request.processor(), nodes.self());
            processor.start();
        });
        requests.started(request.id(), nodes.self());
    }

    /** Forgets a finished request whose processor a newer request keeps stopped. */
    private synchronized void release(Request request) {
        holding.remove(request.id());
    }

    private synchronized List<Request> heldRequests() {
        return List.copyOf(holding.values());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Lifecycle: heartbeat and polling run while the application runs

    @Override
    public void start() {
        if (coordination.isShutdown()) {
            coordination = Executors.newCachedThreadPool(daemon("projection-replay"));
        }
        guarded("joining the cluster", nodes::join);
        ticker = Executors.newScheduledThreadPool(2, daemon("replay-control"));
        ticker.scheduleAtFixedRate(() -> guarded("heartbeat", nodes::heartbeat), 0,
                heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(() -> guarded("replay poll", this::tick), 0, pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        coordination.shutdownNow();
        try {
            coordination.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        guarded("leaving the cluster", nodes::leave);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Runs a periodic task; while it keeps failing (the database away) only the first failure is a warning. */
    private void guarded(String what, Runnable task) {
        try {
            task.run();
            if (failing.remove(what)) {
                log.info("Replay control: {} works again", what);
            }
        } catch (RuntimeException e) {
            if (failing.add(what)) {
                log.warn("Replay control: {} failed: {}", what, e.toString());
            } else {
                log.debug("Replay control: {} failed again: {}", what, e.toString());
            }
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
