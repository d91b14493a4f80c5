package kr.salonmate.api.admin;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.sql.DataSource;
import kr.salonmate.api.SalonMateApplication;
import kr.salonmate.api.config.NodeName;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.TestDatabase;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes of the application on one PostgreSQL database, each running one of the two segments of the
 * {@code review-inbox} projection. A replay asked of node A stops the projection on node B too before anything is
 * reset, then both nodes rebuild it, and it ends up as it was. A node that died with a claim holds the replay up
 * only until its claim expires.
 *
 * <p>Both nodes run in this JVM as separate Spring applications on random ports, with their own node names (the
 * owners of their token claims). A probe handler in the {@code review-inbox} group records, on each node, the
 * events it handled and, at the reset, what the other node was doing and who held claims.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayAcrossNodesTest {

    private static final String GROUP = "review-inbox";
    private static final String ADMIN = "operator@nodes.test";
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(6);

    private final TestDatabase.Database database = TestDatabase.create("nodes");
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private HttpApi apiA;
    private HttpApi apiB;
    private JdbcTemplate jdbc;
    private String admin;
    private String ownerToken;
    private String shopId;

    @BeforeAll
    void twoNodesAndAShopWithReviews() {
        nodeA = start("node-a");
        eventually(() -> owners(), owners -> owners.contains("node-a"), "node A to claim a segment");
        nodeB = start("node-b");
        Probe.NODES.put("node-a", nodeA);
        Probe.NODES.put("node-b", nodeB);
        apiA = new HttpApi("http://127.0.0.1:" + nodeA.getEnvironment().getProperty("local.server.port"));
        apiB = new HttpApi("http://127.0.0.1:" + nodeB.getEnvironment().getProperty("local.server.port"));
        jdbc = new JdbcTemplate(nodeA.getBean(DataSource.class));
        eventually(this::owners, owners -> owners.equals(Set.of("node-a", "node-b")),
                "each node to claim one of the two segments");

        signUp(ADMIN, "ops");
        admin = verifiedOperatorToken();
    }

    /** A listed e-mail is ADMIN only once verified: follow the mail's link (an .eml of either node), log in again. */
    private String verifiedOperatorToken() {
        String token = kr.salonmate.api.support.Mails.awaitEmlToken(
                java.nio.file.Path.of("target/test-data-nodes/outbox"), ADMIN, "verify-email");
        assertThat(apiA.post("/v1/auth/verify-email", null, Map.of("token", token)).status()).isEqualTo(200);
        HttpApi.Response login = apiB.post("/v1/auth/login", null,
                Map.of("email", ADMIN, "password", "correct horse battery"));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().path("accessToken").asText();
    }

    @AfterAll
    void stopNodes() {
        Probe.NODES.clear();
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        TestDatabase.drop(database);
    }

    /** Each test its own shop, and a probe that has seen nothing yet. */
    @BeforeEach
    void aShopOfItsOwn() {
        JsonNode owner = signUp("owner-" + UUID.randomUUID() + "@salon.test", "두 노드 살롱");
        ownerToken = owner.path("accessToken").asText();
        shopId = owner.path("shop").path("id").asText();
        // the automatic draft of a review needs the shop in the read side
        eventually(() -> apiA.get("/v1/admin/projections/shops", admin).json(), p -> p.path("lag").asLong() == 0,
                "the shops projection to know the new shop");
        Probe.HANDLED.clear();
        Probe.RESETS.clear();
    }

    @Test
    void aReplayStopsTheProjectionOnEveryNodeBeforeTheResetAndBothNodesRebuildIt() {
        for (int i = 0; i < 12; i++) {
            sync("two-nodes-" + i, 1 + i % 5, "리뷰 " + i);
        }
        String before = settledInbox(12);
        assertThat(handledBy("node-a", false)).as("node A handles events of its segment").isPositive();
        assertThat(handledBy("node-b", false)).as("node B handles events of its segment").isPositive();

        HttpApi.Response replay = apiA.post("/v1/admin/projections/" + GROUP + "/replay", admin, null);
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        JsonNode request = replay.json().path("replay");
        assertThat(request.path("state").asText()).isIn("STOPPING", "RESETTING");
        assertThat(request.path("coordinator").asText()).isEqualTo("node-a");

        HttpApi.Response second = apiB.post("/v1/admin/projections/" + GROUP + "/replay", admin, null);
        assertThat(second.status()).as("a second replay while the first runs, asked of the other node")
                .isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("CONFLICT");
        assertThat(second.json().path("error").path("details").path("replayId").asText())
                .isEqualTo(request.path("id").asText());

        JsonNode done = eventually(() -> apiB.get("/v1/admin/projections/" + GROUP, admin).json(),
                p -> p.path("replay").path("state").asText().equals("DONE") && !p.path("replaying").asBoolean()
                        && p.path("lag").asLong() == 0, "the replay to be done, as node B sees it");
        assertThat(done.path("replay").path("id").asText()).isEqualTo(request.path("id").asText());
        assertThat(done.path("progress").asDouble()).isEqualTo(1.0);

        assertThat(Probe.RESETS).as("one reset, on the node that was asked").hasSize(1);
        Probe.Reset reset = Probe.RESETS.get(0);
        assertThat(reset.node()).isEqualTo("node-a");
        assertThat(reset.othersRunning()).as("node B's processor was shut down before the reset")
                .containsEntry("node-b", false);
        assertThat(reset.othersSegments()).as("node B was processing no segment").containsEntry("node-b", 0);
        assertThat(reset.claimOwners()).as("nobody held a claim when the reset began").isEmpty();

        Map<String, JsonNode> acks = acknowledgements(done);
        assertThat(acks.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
        Instant resetAt = Instant.parse(done.path("replay").path("resetAt").asText());
        for (JsonNode ack : acks.values()) {
            assertThat(Instant.parse(ack.path("stoppedAt").asText())).isBeforeOrEqualTo(resetAt);
        }

        eventually(() -> handledBy("node-b", true), n -> n > 0, "node B to replay events of its segment");
        assertThat(handledBy("node-a", true)).as("node A replays events of its segment").isPositive();
        eventually(this::owners, owners -> owners.equals(Set.of("node-a", "node-b")),
                "both nodes to claim their segments again");
        acknowledgementsStarted();

        assertThat(inbox(apiA)).as("the rebuilt inbox, on node A").isEqualTo(before);
        assertThat(inbox(apiB)).as("the rebuilt inbox, on node B").isEqualTo(before);

        sync("two-nodes-after", 5, "다시 왔어요");
        settledInbox(13);
    }

    @Test
    void aNodeThatDiedWithAClaimHoldsTheReplayUpOnlyUntilItsClaimExpires() {
        sync("ghost-1", 4, "괜찮아요");
        sync("ghost-2", 2, "별로예요");
        String before = settledInbox(2);

        // node B stops; a node that is not there any more ("ghost") holds B's segment and was seen a moment ago
        StreamingEventProcessor processorB = nodeB.getBean(EventProcessingConfiguration.class)
                .eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
        processorB.shutDown();
        Instant claimedAt = Instant.now();
        assertThat(jdbc.update("UPDATE token_entry SET owner = 'node-ghost', \"timestamp\" = ? "
                + "WHERE processor_name = ? AND owner IS NULL", claimedAt.toString(), GROUP)).isEqualTo(1);
        jdbc.update("INSERT INTO cluster_node (node_id, started_at, last_seen) VALUES ('node-ghost', now(), now())");

        HttpApi.Response replay = apiA.post("/v1/admin/projections/" + GROUP + "/replay", admin, null);
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        JsonNode waiting = apiA.get("/v1/admin/projections/" + GROUP, admin).json().path("replay");
        assertThat(waiting.path("state").asText()).isEqualTo("STOPPING");
        assertThat(waiting.path("waitingFor").toString()).contains("node-ghost");

        JsonNode done = eventually(() -> apiA.get("/v1/admin/projections/" + GROUP, admin).json(),
                p -> p.path("replay").path("state").asText().equals("DONE") && p.path("lag").asLong() == 0,
                "the replay to be done once the dead node's claim expired");
        assertThat(Probe.RESETS).hasSize(1);
        assertThat(Probe.RESETS.get(0).at()).as("the reset waited for the dead node's claim to expire")
                .isAfterOrEqualTo(claimedAt.plus(CLAIM_TIMEOUT));
        assertThat(acknowledgements(done).keySet()).doesNotContain("node-ghost");
        eventually(this::owners, owners -> owners.equals(Set.of("node-a", "node-b")),
                "node B, stopped for the replay, to run again and claim the dead node's segment");
        assertThat(inbox(apiA)).isEqualTo(before);
        jdbc.update("DELETE FROM cluster_node WHERE node_id = 'node-ghost'");
    }

    @Test
    void aLiveNodeThatNeverStopsFailsTheReplayAndNothingIsReset() throws InterruptedException {
        sync("stuck-1", 3, "그냥 그래요");
        settledInbox(1);

        // a node that keeps its heartbeat but never looks at the requests (stuck)
        jdbc.update("INSERT INTO cluster_node (node_id, started_at, last_seen) VALUES ('node-stuck', now(), now())");
        Thread heartbeat = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                jdbc.update("UPDATE cluster_node SET last_seen = now() WHERE node_id = 'node-stuck'");
                try {
                    Thread.sleep(200); // the stuck node's heartbeat: pacing, not waiting
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        heartbeat.start();
        try {
            HttpApi.Response replay = apiA.post("/v1/admin/projections/" + GROUP + "/replay", admin, null);
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            JsonNode failed = eventually(() -> apiB.get("/v1/admin/projections/" + GROUP, admin).json(),
                    p -> p.path("replay").path("state").asText().equals("FAILED"), "the replay to be given up");
            assertThat(failed.path("replay").path("failure").asText()).contains("node-stuck", "Nothing was reset");
            assertThat(failed.path("replay").path("resetAt").isNull()).isTrue();
        } finally {
            heartbeat.interrupt();
            heartbeat.join();
            jdbc.update("DELETE FROM cluster_node WHERE node_id = 'node-stuck'");
        }
        assertThat(Probe.RESETS).as("nothing was reset").isEmpty();
        eventually(this::owners, owners -> owners.equals(Set.of("node-a", "node-b")),
                "both nodes to run the projection again");
        sync("stuck-2", 5, "최고");
        settledInbox(2); // the projection goes on with new events

        HttpApi.Response again = apiA.post("/v1/admin/projections/" + GROUP + "/replay", admin, null);
        assertThat(again.status()).as("a failed replay does not block the next one").isEqualTo(202);
        eventually(() -> apiA.get("/v1/admin/projections/" + GROUP, admin).json(),
                p -> p.path("replay").path("state").asText().equals("DONE"), "the next replay to be done");
    }

    // ---------------------------------------------------------------------------------------------------------

    private ConfigurableApplicationContext start(String node) {
        return new SpringApplicationBuilder(SalonMateApplication.class, Probe.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                // two applications on a PostgreSQL server that other test runs share: few connections, few threads
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--spring.datasource.hikari.minimum-idle=1",
                "--salonmate.deadlines.threads=2",
                "--axon.eventhandling.processors.reply-drafting.thread-count=2",
                "--axon.eventhandling.processors.reply-drafting.initial-segment-count=2",
                "--axon.eventhandling.processors.reply-publishing.thread-count=1",
                "--axon.eventhandling.processors.reply-publishing.initial-segment-count=1",
                "--axon.eventhandling.processors.caption-drafting.thread-count=1",
                "--axon.eventhandling.processors.caption-drafting.initial-segment-count=1",
                "--salonmate.cluster.node-id=" + node,
                "--salonmate.cluster.heartbeat-interval=PT0.2S",
                "--salonmate.cluster.node-timeout=PT1.5S",
                "--salonmate.replay.poll-interval=PT0.2S",
                "--salonmate.replay.stop-timeout=PT" + STOP_TIMEOUT.toSeconds() + "S",
                "--axon.eventhandling.tokenstore.claim-timeout=PT" + CLAIM_TIMEOUT.toSeconds() + "S",
                // one segment per node: a tracking processor with one thread claims one segment (a pooled one
                // would claim both on the node that starts first), whatever SALONMATE_PROCESSOR_MODE says
                "--axon.eventhandling.processors." + GROUP + ".mode=tracking",
                "--axon.eventhandling.processors." + GROUP + ".thread-count=1",
                "--axon.eventhandling.processors." + GROUP + ".initial-segment-count=2",
                "--salonmate.sync.enabled=false",
                // the test polls the inbox until it settles: per-user limits would answer 429 (RateLimitTest covers them)
                "--salonmate.rate-limit.default=0",
                "--salonmate.rate-limit.auth=0",
                "--salonmate.google.api-base-url=http://127.0.0.1:9",
                "--salonmate.google.token-url=http://127.0.0.1:9/token",
                "--salonmate.instagram.api-base-url=http://127.0.0.1:9",
                "--salonmate.data-dir=target/test-data-nodes",
                "--salonmate.crypto.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--salonmate.admin-emails=" + ADMIN,
                "--salonmate.public-base-url=http://127.0.0.1:${local.server.port}");
    }

    private JsonNode signUp(String email, String shopName) {
        HttpApi.Response response = apiA.post("/v1/auth/signup", null, Map.of("email", email,
                "password", "correct horse battery", "name", "김사장", "shopName", shopName,
                "timezone", "Asia/Seoul", "locale", "ko"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private void sync(String externalId, int rating, String comment) {
        ShopId shop = ShopId.of(shopId);
        Instant at = Instant.parse("2026-11-10T02:00:00Z");
        nodeA.getBean(CommandGateway.class).sendAndWait(new SyncReview(ReviewId.derive(shop, ReviewSource.GOOGLE,
                externalId), shop, ReviewSource.GOOGLE, externalId, "고객", rating, comment, "ko", at, at, null));
    }

    /** The shop's inbox once every review has its AI draft (nothing changes it any more). */
    private String settledInbox(int reviews) {
        eventually(() -> apiA.get("/v1/shops/" + shopId + "/reviews?size=100", ownerToken).json().path("items"),
                items -> items.size() == reviews && all(items,
                        r -> r.path("status").asText().equals("DRAFTED")), reviews + " drafted reviews");
        return inbox(apiA);
    }

    private String inbox(HttpApi api) {
        HttpApi.Response response = api.get("/v1/shops/" + shopId + "/reviews?size=100", ownerToken);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private Set<String> owners() {
        JdbcTemplate template = jdbc != null ? jdbc : new JdbcTemplate(nodeA.getBean(DataSource.class));
        return new HashSet<>(template.queryForList("SELECT owner FROM token_entry WHERE processor_name = ? "
                + "AND owner IS NOT NULL", String.class, GROUP));
    }

    private static Map<String, JsonNode> acknowledgements(JsonNode status) {
        Map<String, JsonNode> acks = new TreeMap<>();
        status.path("replay").path("nodesAcknowledged").forEach(ack -> acks.put(ack.path("node").asText(), ack));
        return acks;
    }

    private void acknowledgementsStarted() {
        eventually(() -> apiA.get("/v1/admin/projections/" + GROUP, admin).json(),
                p -> acknowledgements(p).values().stream().noneMatch(ack -> ack.path("startedAt").isNull()),
                "every node to record that it started the projection again");
    }

    private static long handledBy(String node, boolean replay) {
        return Probe.HANDLED.stream().filter(h -> h.node().equals(node) && h.replay() == replay).count();
    }

    private static boolean all(JsonNode items, Predicate<JsonNode> test) {
        for (JsonNode item : items) {
            if (!test.test(item)) {
                return false;
            }
        }
        return true;
    }


    /**
     * A handler in the {@code review-inbox} group of each node (a source of the test's applications only, never
     * found by component scanning): records every event it handles and, at a reset, whether the other nodes'
     * processors ran and who held claims, as committed in the database.
     */
    @ProcessingGroup(GROUP)
    static class Probe {

        record Handled(String node, long nanos, boolean replay) {
        }

        record Reset(String node, long nanos, Instant at, Map<String, Boolean> othersRunning,
                     Map<String, Integer> othersSegments, List<String> claimOwners) {
        }

        static final Map<String, ConfigurableApplicationContext> NODES = new ConcurrentHashMap<>();
        static final List<Handled> HANDLED = new CopyOnWriteArrayList<>();
        static final List<Reset> RESETS = new CopyOnWriteArrayList<>();

        private final String node;
        private final DataSource dataSource;

        Probe(NodeName node, DataSource dataSource) {
            this.node = node.value();
            this.dataSource = dataSource;
        }

        @EventHandler
        void on(Object event, ReplayStatus status) {
            HANDLED.add(new Handled(node, System.nanoTime(), status.isReplay()));
        }

        @ResetHandler
        void reset() throws SQLException {
            long nanos = System.nanoTime();
            Map<String, Boolean> running = new TreeMap<>();
            Map<String, Integer> segments = new TreeMap<>();
            NODES.forEach((name, context) -> {
                if (!name.equals(node)) {
                    StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                            .eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
                    running.put(name, processor.isRunning());
                    segments.put(name, processor.processingStatus().size());
                }
            });
            // a connection of its own, outside the reset's transaction: what every other node sees now
            List<String> owners = new ArrayList<>();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT owner FROM token_entry WHERE processor_name = '"
                         + GROUP + "' AND owner IS NOT NULL")) {
                while (rows.next()) {
                    owners.add(rows.getString(1));
                }
            }
            RESETS.add(new Reset(node, nanos, Instant.now(), running, segments, owners));
        }
    }
}
