package kr.salonmate.api.admin;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.ShopFixtures;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextStartedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An operator rebuilding everything: every projection's replay asked for at the same moment, again and again.
 * Each one must end DONE; it used to end FAILED now and then ("TrackingProcessor must be shut down before
 * triggering a reset") because the poll started a processor that a request made a moment earlier had stopped.
 */
class ReplayEverythingAtOnceTest extends IntegrationTest {

    private static final int ROUNDS = 10;
    /** Processors without side effects: the ones that may be replayed. */
    private static final List<String> PROJECTIONS = List.of("analytics", "review-inbox", "reply-audit", "dashboard",
            "shops", "posts");

    @Autowired
    private AccountStore accounts;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ReplayCoordinator coordinator;
    @Autowired
    private ProjectionAdmin projections;
    @Autowired
    private ConfigurableApplicationContext context;

    @Test
    void everyProjectionReplayedAtOnceReachesDoneEveryTime() throws Exception {
        String admin = operatorToken();
        Owner owner = signUp("전부 리플레이 살롱");
        ShopFixtures fixtures = new ShopFixtures(accounts, commands);
        for (int i = 0; i < 5; i++) {
            fixtures.sync(owner, "all-" + UUID.randomUUID(), 1 + i, "리뷰 " + i, Instant.parse("2026-11-03T02:00:00Z"));
        }
        List<String> names = PROJECTIONS;
        List<String> listed = new ArrayList<>();
        api.get("/v1/admin/projections", admin).json().forEach(p -> listed.add(p.path("name").asText()));
        assertThat(listed).containsAll(names);

        ExecutorService operators = Executors.newFixedThreadPool(names.size());
        // the poll runs once a second on its own; here it also runs back to back, so that every moment of the
        // requests (between writing one and stopping its processor, between the reset and the start) meets a poll
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            while (polling.get()) {
                coordinator.tick();
            }
        }, "test-poller");
        poller.start();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                Map<String, String> requested = requestAllAtOnce(operators, admin, names, round);
                for (Map.Entry<String, String> replay : requested.entrySet()) {
                    String name = replay.getKey();
                    // the request itself, not only the API's view: the next round may ask again once it is DONE
                    String state = eventually(() -> jdbc.queryForObject(
                                    "SELECT state FROM projection_replay WHERE id = ?::uuid", String.class,
                                    replay.getValue()), s -> s.equals("DONE") || s.equals("FAILED"),
                            "round " + round + ": the replay of " + name + " to finish");
                    JsonNode status = api.get("/v1/admin/projections/" + name, admin).json();
                    assertThat(state).as("round %d, %s: %s", round, name, status.path("replay").path("failure"))
                            .isEqualTo("DONE");
                    assertThat(status.path("replay").path("state").asText()).isEqualTo("DONE");
                }
            }
        } finally {
            polling.set(false);
            poller.join();
            operators.shutdownNow();
        }
        JsonNode inbox = api.get(owner.shop("/reviews"), owner.token()).json();
        assertThat(inbox.toString()).as("the inbox is rebuilt with every review").contains("리뷰 0", "리뷰 4");
    }

    /**
     * Something starts the processors while their replays wait for another node (here: the application context
     * started again, which makes {@code ProcessorsStartWhenReady} start every processor that is not running). The
     * coordinator must stop them again before the reset instead of failing with "TrackingProcessor must be shut
     * down before triggering a reset".
     */
    @Test
    void processorsStartedBehindTheReplaysBackAreStoppedAgainBeforeTheReset() throws Exception {
        String admin = operatorToken();
        String otherNode = "other-node-" + UUID.randomUUID();
        jdbc.update("INSERT INTO cluster_node (node_id, started_at, last_seen) VALUES (?, now(), now())", otherNode);
        // a live node that never stops its processors: the replays wait for it while the test starts them here
        AtomicBoolean otherAlive = new AtomicBoolean(true);
        Thread heartbeat = new Thread(() -> {
            while (otherAlive.get()) {
                jdbc.update("UPDATE cluster_node SET last_seen = now() WHERE node_id = ?", otherNode);
                sleep(300); // its heartbeat: pacing, not waiting
            }
        }, "test-other-node");
        heartbeat.start();
        ExecutorService operators = Executors.newFixedThreadPool(PROJECTIONS.size());
        try {
            Map<String, String> requested = requestAllAtOnce(operators, admin, PROJECTIONS, 1);
            // this node has stopped every one of them (its acknowledgement is written once shutDown returned)
            eventually(() -> requested.values().stream().allMatch(id -> jdbc.queryForObject(
                    "SELECT count(*) FROM projection_replay_node WHERE replay_id = ?::uuid", Integer.class, id) == 1),
                    stopped -> stopped, "every processor stopped here");
            assertThat(projections.local("review-inbox").orElseThrow().isRunning()).isFalse();

            context.publishEvent(new ContextStartedEvent(context));
            assertThat(projections.local("review-inbox").orElseThrow().isRunning())
                    .as("started behind the replay's back").isTrue();
            // the other node never answers: once its heartbeat is stale the replays go on without it
            otherAlive.set(false);
            heartbeat.join();
            jdbc.update("UPDATE cluster_node SET last_seen = now() - interval '1 hour' WHERE node_id = ?", otherNode);

            for (Map.Entry<String, String> replay : requested.entrySet()) {
                String state = eventually(() -> jdbc.queryForObject(
                                "SELECT state FROM projection_replay WHERE id = ?::uuid", String.class,
                                replay.getValue()), s -> s.equals("DONE") || s.equals("FAILED"),
                        "the replay of " + replay.getKey() + " to finish");
                assertThat(state).as("%s: %s", replay.getKey(), jdbc.queryForObject(
                        "SELECT failure FROM projection_replay WHERE id = ?::uuid", String.class, replay.getValue()))
                        .isEqualTo("DONE");
            }
        } finally {
            otherAlive.set(false);
            heartbeat.join();
            jdbc.update("DELETE FROM cluster_node WHERE node_id = ?", otherNode);
            operators.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks for every replay from its own thread, released together; the replay id of each. */
    private Map<String, String> requestAllAtOnce(ExecutorService operators, String admin, List<String> names,
                                                 int round) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Map<String, CompletableFuture<HttpApi.Response>> answers = new LinkedHashMap<>();
        for (String name : names) {
            answers.put(name, CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return api.post("/v1/admin/projections/" + name + "/replay", admin, null);
            }, operators));
        }
        go.countDown();
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<HttpApi.Response>> answer : answers.entrySet()) {
            HttpApi.Response response = answer.getValue().get();
            assertThat(response.status()).as("round %d, %s: %s", round, answer.getKey(), response.body())
                    .isEqualTo(202);
            ids.put(answer.getKey(), response.json().path("replay").path("id").asText());
        }
        return ids;
    }
}
