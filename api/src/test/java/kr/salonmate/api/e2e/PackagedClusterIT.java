package kr.salonmate.api.e2e;

import static kr.salonmate.api.e2e.PackagedApplication.CATCH_UP;
import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.Mails;
import kr.salonmate.api.support.Ports;
import kr.salonmate.api.support.StompTestClient;
import kr.salonmate.api.support.TestDatabase;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two packaged nodes on one PostgreSQL, with the STOMP broker relay on RabbitMQ (127.0.0.1:61613, its STOMP
 * plugin enabled): a change made through node A reaches a socket on node B in order; the processors' segments are
 * shared out over both nodes and every event is handled once; a reply approved through A is published exactly once
 * while B is killed with kill -9 and restarted; a sync asked for on B while A syncs the same shop runs right after;
 * a replay asked for on A completes with the relay on; the on-demand draft limit holds across both nodes (counted in
 * PostgreSQL). Both nodes start at once to keep the test short.
 */
class PackagedClusterIT {

    private static final FakeGoogle GOOGLE = new FakeGoogle();
    private static TestDatabase.Database database;
    private static Map<String, String> shared;
    private static boolean startTimeoutSetHere;

    @BeforeAll
    static void environment() throws Exception {
        boolean relayUp = awaitPort("127.0.0.1", 61613, Duration.ofSeconds(30));
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(relayUp, "RabbitMQ's STOMP plugin does not answer on 127.0.0.1:61613 "
                    + "(rabbitmq-plugins enable rabbitmq_stomp); .ci/run enables it");
        }
        assertThat(relayUp).as("RabbitMQ STOMP on 127.0.0.1:61613").isTrue();
        // two JVMs starting at once on two cores take about twice as long as one: allow them that
        if (System.getProperty("e2e.start-seconds") == null) {
            System.setProperty("e2e.start-seconds", "180");
            startTimeoutSetHere = true;
        }
        database = TestDatabase.create("cluster");
        SecureRandom random = new SecureRandom();
        // what every node of a cluster must share: the keys of tokens, stored secrets and photo links
        shared = PackagedApplication.settings(database, "unused", GOOGLE,
                "salonmate.jwt.key", new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true)
                        .generate().toJSONString(),
                "salonmate.crypto.key", Base64.getEncoder().encodeToString(random.generateSeed(32)),
                "salonmate.media.signing-key", Base64.getEncoder().encodeToString(random.generateSeed(32)),
                "salonmate.stomp.relay.host", "127.0.0.1",
                "salonmate.stomp.relay.port", "61613",
                "salonmate.admin-emails", "ops@cluster.test",
                "salonmate.publish.initial-backoff", "PT0.5S",
                // on-demand drafts: 4 a minute per shop, counted in PostgreSQL for both nodes
                "salonmate.rate-limit.store", "postgresql",
                "salonmate.rate-limit.ai", "4",
                // balance quickly so the test sees it; the default looks every 10 s
                "salonmate.cluster.balance-period", "PT2S",
                "salonmate.cluster.release-for", "PT6S");
    }

    @AfterAll
    static void stopGoogle() {
        GOOGLE.close();
        if (startTimeoutSetHere) {
            System.clearProperty("e2e.start-seconds");
        }
    }

    private static Map<String, String> node(String name) {
        Map<String, String> settings = new HashMap<>(shared);
        settings.put("salonmate.data-dir", "target/e2e-cluster-" + name);
        settings.put("salonmate.cluster.node-id", name);
        return settings;
    }

    @Test
    void twoNodesShareOneDatabaseAndOneBroker() throws Exception {
        CompletableFuture<PackagedApplication> startingA = CompletableFuture.supplyAsync(() -> start("node-a"));
        CompletableFuture<PackagedApplication> startingB = CompletableFuture.supplyAsync(() -> start("node-b"));
        PackagedApplication b = null;
        try (PackagedApplication a = startingA.join()) {
            b = startingB.join();
            HttpApi onA = new HttpApi(a.baseUrl());
            JsonNode signup = onA.post("/v1/auth/signup", null, Map.of("email", "owner@cluster.test",
                    "password", "a long enough password", "name", "한원장", "shopName", "클러스터 살롱")).json();
            String owner = signup.path("accessToken").asText();
            String shopId = signup.path("shop").path("id").asText();
            String shop = "/v1/shops/" + shopId;
            GOOGLE.pageSize(100);
            List<String> externals = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String external = "cluster-" + i + "-" + UUID.randomUUID();
                externals.add(external);
                GOOGLE.addReview(shopId, external, "손님" + i, 5 - i, "머리 정말 예쁘게 해주셨어요 " + i,
                        Instant.parse("2026-11-2" + i + "T01:00:00Z"));
            }
            assertThat(onA.put(shop + "/connections/google", owner, Map.of("accountId", "acc-1",
                    "locationId", shopId, "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN)).status()).isEqualTo(200);

            // a change made through A reaches a socket on B, each review's frames in the order of its events
            Map<String, List<Long>> versionsSeenOnB = new LinkedHashMap<>();
            try (StompTestClient stompOnB = StompTestClient.connect(b.wsUrl(), owner)) {
                StompTestClient.Subscription reviews = stompOnB.subscribe(shop.replace("/v1", "/topic") + "/reviews");
                assertThat(onA.post(shop + "/reviews/sync", owner, null).status()).isEqualTo(202);
                Set<String> drafted = new TreeSet<>();
                eventually(() -> {
                    for (JsonNode frame : reviews.received()) {
                        versionsSeenOnB.computeIfAbsent(frame.path("externalId").asText(), k -> new ArrayList<>())
                                .add(frame.path("version").asLong());
                        if (frame.path("status").asText().equals("DRAFTED")) {
                            drafted.add(frame.path("externalId").asText());
                        }
                    }
                    return drafted.size();
                }, n -> n >= 3, "three drafts heard on B", CATCH_UP);
                assertThat(drafted).containsExactlyInAnyOrderElementsOf(externals);
            }
            versionsSeenOnB.forEach((review, versions) ->
                    assertThat(versions).as("versions of %s as B's socket saw them", review).isSorted());

            // the segments of the busy processors are shared out: both nodes hold claims
            eventually(() -> owners("reply-drafting"), owners -> owners.containsAll(Set.of("node-a", "node-b")),
                    "both nodes to own segments of reply-drafting", CATCH_UP);
            // and every event was handled once across the two: one draft per review, not one per node
            List<JsonNode> items = new ArrayList<>();
            onA.get(shop + "/reviews?size=100", owner).json().path("items").forEach(items::add);
            assertThat(items).hasSize(3);
            for (JsonNode item : items) {
                // the audit trail is a projection of its own: it may still be a batch behind the inbox heard above
                String history = shop + "/reviews/" + item.path("id").asText() + "/history";
                List<String> actions = eventually(() -> {
                    List<String> seen = new ArrayList<>();
                    onA.get(history, owner).json().path("items").forEach(entry -> seen.add(entry.path("action").asText()));
                    return seen;
                }, seen -> seen.contains("DRAFTED"), "the draft in the audit trail", CATCH_UP);
                assertThat(actions).as(item.path("externalId").asText())
                        .containsExactly("SYNCED", "DRAFT_REQUESTED", "DRAFTED");
            }

            // approved through A, B killed at once and restarted: published on Google exactly once
            String approvedExternal = externals.get(0);
            String approvedId = items.stream().filter(i -> i.path("externalId").asText().equals(approvedExternal))
                    .findFirst().orElseThrow().path("id").asText();
            GOOGLE.failNextReplyPuts(1);
            assertThat(onA.post(shop + "/reviews/" + approvedId + "/reply/approve", owner, Map.of()).status())
                    .isEqualTo(202);
            b.kill();
            b = start("node-b");
            HttpApi onB = new HttpApi(b.baseUrl());
            eventually(() -> onB.get(shop + "/reviews/" + approvedId, owner).json().path("status").asText(),
                    "PUBLISHED"::equals, "the approved reply published on B", CATCH_UP);
            assertThat(GOOGLE.replyPuts(approvedExternal)).isEqualTo(1);

            // a sync asked for on B while A syncs the same shop is not lost: it runs right after A's
            try (StompTestClient stompOnB = StompTestClient.connect(b.wsUrl(), owner)) {
                StompTestClient.Subscription reviews = stompOnB.subscribe(shop.replace("/v1", "/topic") + "/reviews");
                GOOGLE.listDelay(Duration.ofSeconds(3));
                int listsRead = GOOGLE.listsRead();
                assertThat(onA.post(shop + "/reviews/sync", owner, null).status()).isEqualTo(202);
                // A has read Google's list and is waiting for the answer, holding the shop's lock
                eventually(GOOGLE::listsRead, n -> n > listsRead, "A to read Google's list", CATCH_UP);
                String late = "cluster-late-" + UUID.randomUUID();
                GOOGLE.addReview(shopId, late, "늦은 손님", 5, "오늘 방문했어요", Instant.parse("2026-11-26T01:00:00Z"));
                assertThat(onB.post(shop + "/reviews/sync", owner, null).status()).isEqualTo(202);
                reviews.await(r -> r.path("externalId").asText().equals(late), Duration.ofSeconds(30));
            } finally {
                GOOGLE.listDelay(Duration.ZERO);
            }

            // an operator's replay asked for on A completes on both nodes with the relay on
            assertThat(onA.post("/v1/auth/signup", null, Map.of("email", "ops@cluster.test",
                    "password", "operators password", "name", "Ops", "shopName", "Ops")).status()).isEqualTo(201);
            String verification = Mails.awaitEmlToken(Path.of("target/e2e-cluster-node-a/outbox"), "ops@cluster.test",
                    "verify-email");
            assertThat(onA.post("/v1/auth/verify-email", null, Map.of("token", verification)).status()).isEqualTo(200);
            String admin = onA.post("/v1/auth/login", null, Map.of("email", "ops@cluster.test",
                    "password", "operators password")).json().path("accessToken").asText();
            assertThat(onA.post("/v1/admin/projections/analytics/replay", admin, null).status()).isEqualTo(202);
            JsonNode replayed = eventually(() -> onB.get("/v1/admin/projections/analytics", admin).json(),
                    p -> p.path("replay").path("state").asText().equals("DONE"), "the analytics replay done", CATCH_UP);
            assertThat(replayed.path("replay").path("nodesAcknowledged").findValuesAsString("node"))
                    .contains("node-a", "node-b");

            // the on-demand draft limit (4 a minute per shop) holds across the two nodes, not 4 on each
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                HttpApi node = i % 2 == 0 ? onA : onB;
                String reviewId = items.get(1 + i % 2).path("id").asText();
                HttpApi.Response asked = node.post(shop + "/reviews/" + reviewId + "/reply/draft", owner, Map.of());
                answers.add(asked.status() + " " + asked.errorCode());
            }
            assertThat(answers).noneMatch(answer -> answer.startsWith("429"));
            HttpApi.Response fifth = onB.post(shop + "/reviews/" + items.get(1).path("id").asText() + "/reply/draft",
                    owner, Map.of());
            assertThat(fifth.status()).isEqualTo(429);
            assertThat(fifth.errorCode()).isEqualTo("RATE_LIMITED");
            assertThat(fifth.header("Retry-After")).isNotBlank();
        } finally {
            if (b != null) {
                b.close();
            }
        }
    }

    private static PackagedApplication start(String name) {
        try {
            return PackagedApplication.start("cluster-" + name, node(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The nodes holding claims on the processor's segments, as the token store says. */
    private static Set<String> owners(String processor) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
                database.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT owner FROM token_entry WHERE processor_name = '"
                     + processor + "' AND owner IS NOT NULL")) {
            Set<String> owners = new TreeSet<>();
            while (rows.next()) {
                owners.add(rows.getString(1));
            }
            return owners;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean awaitPort(String host, int port, Duration timeout) {
        try {
            eventually(() -> Ports.listens(host, port), open -> open, host + ":" + port + " to listen", timeout);
            return true;
        } catch (ConditionTimeoutException closed) {
            return false;
        }
    }
}
