package kr.salonmate.api.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.live.LiveTopic;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.ShopFixtures;
import kr.salonmate.api.support.StompTestClient;
import kr.salonmate.api.support.TestImages;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The authorization matrix: every operation of the OpenAPI description (as the running application generates it)
 * and every live topic, tried as anonymous, the owner of another shop, STAFF, MANAGER, OWNER and ADMIN, against
 * the expectations in {@code authorization-matrix.txt}. An operation without a row fails, so no endpoint ships
 * without its rule; all mismatches are reported together.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    private static final String MATRIX = "/authorization-matrix.txt";
    private static final List<String> ROLES = List.of("anonymous", "another shop", "STAFF", "MANAGER", "OWNER", "ADMIN");
    private static final String PASSWORD = "correct horse battery";

    @Autowired
    private AccountStore accounts;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    private record Row(int line, String method, String path, List<String> expected, String body) {
        String operation() {
            return method + " " + path.replaceAll("\\?.*$", "").replaceAll("\\{[^}]+}", "{}");
        }
    }

    @Test
    void everyOperationAndTopicAnswersEachRoleAsTheMatrixSays() throws Exception {
        List<Row> rows = readMatrix();
        List<Row> http = rows.stream().filter(r -> !r.method().equals("SUBSCRIBE")).toList();
        List<Row> topics = rows.stream().filter(r -> r.method().equals("SUBSCRIBE")).toList();

        Set<String> described = describedOperations();
        Set<String> covered = new TreeSet<>();
        http.forEach(r -> covered.add(r.operation()));
        assertThat(new TreeSet<>(described)).as("operations of the OpenAPI description without a row in %s", MATRIX)
                .isSubsetOf(covered);
        assertThat(covered).as("rows in %s naming no operation of the OpenAPI description", MATRIX)
                .isSubsetOf(described);
        Set<String> kinds = new TreeSet<>();
        topics.forEach(r -> kinds.add(r.path().replaceAll(".*/", "").toUpperCase(Locale.ROOT)));
        for (LiveTopic.Kind kind : LiveTopic.Kind.values()) {
            assertThat(kinds).as("live topic %s has a SUBSCRIBE row in %s", kind, MATRIX).contains(kind.name());
        }

        World world = world();
        List<String> mismatches = new ArrayList<>();
        List<Row> ordered = new ArrayList<>(http);
        ordered.sort(Comparator.comparing(r -> r.method().equals("DELETE")));
        for (Row row : ordered) {
            for (int i = 0; i < ROLES.size(); i++) {
                HttpApi.Response response = call(row, world.tokens().get(i), world);
                String problem = mismatch(row.expected().get(i), response);
                if (problem != null) {
                    mismatches.add("line " + row.line() + " " + row.method() + " " + row.path() + " as " + ROLES.get(i)
                            + ": " + problem);
                }
            }
        }
        mismatches.addAll(checkTopics(topics, world));
        assertThat(mismatches).as("answers that differ from %s", MATRIX).isEmpty();
    }

    /** The shop under test, its people and things, and one token per role (null for anonymous). */
    private record World(Owner owner, List<String> tokens, Map<String, String> values) {
    }

    private World world() {
        ShopFixtures fixtures = new ShopFixtures(accounts, commands);
        Owner owner = signUp("권한 표 살롱");
        Owner stranger = signUp("남의 가게");
        Owner staff = joined(owner, "STAFF");
        Owner manager = joined(owner, "MANAGER");
        Owner target = joined(owner, "STAFF");
        String admin = operatorToken();

        String reviewId = fixtures.sync(owner, "matrix-" + UUID.randomUUID(), 4, "친절해요",
                Instant.parse("2026-11-20T03:00:00Z")).toString();
        HttpApi.Response media = api.upload(owner.shop("/media"), owner.token(), "file", "nail.png", "image/png",
                TestImages.png(64, 48));
        assertThat(media.status()).as(media.body()).isEqualTo(201);
        String mediaId = media.json().path("id").asText();
        String mediaUrl = media.json().path("url").asText();
        HttpApi.Response post = api.post(owner.shop("/posts"), owner.token(), Map.of("mediaIds", List.of(mediaId)));
        assertThat(post.status()).as(post.body()).isEqualTo(201);
        HttpApi.Response invitation = api.post(owner.shop("/members"), owner.token(),
                Map.of("email", "invitee-" + UUID.randomUUID() + "@salon.test", "role", "STAFF"));
        assertThat(invitation.status()).as(invitation.body()).isEqualTo(201);

        Map<String, String> values = new LinkedHashMap<>();
        values.put("shopId", owner.shopId());
        values.put("reviewId", reviewId);
        values.put("postId", post.json().path("id").asText());
        values.put("mediaId", mediaId);
        values.put("mediaSignature", mediaUrl.substring(mediaUrl.indexOf('?') + 1));
        values.put("userId", target.userId());
        values.put("invitationId", invitation.json().path("invitation").path("id").asText());
        values.put("name", "memberships");
        values.put("unknownName", "no-such-projection");
        values.put("group", "memberships");
        values.put("provider", "google");
        values.put("ownerEmail", owner.email());
        values.put("googleRefreshToken", FakeGoogle.VALID_REFRESH_TOKEN);
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.addAll(List.of(stranger.token(), staff.token(), manager.token(), owner.token(), admin));
        return new World(owner, tokens, values);
    }

    /** A signed-up user made a member of the owner's shop through the members endpoint (the account exists: added at once). */
    private Owner joined(Owner owner, String role) {
        Owner user = signUp("자기 가게 " + role);
        HttpApi.Response added = api.post(owner.shop("/members"), owner.token(), Map.of("email", user.email(), "role", role));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return new Owner(user.userId(), user.email(), owner.shopId(), user.token(), user.refreshToken());
    }

    private HttpApi.Response call(Row row, String token, World world) {
        String path = fill(row.path(), world);
        String body = row.body() == null ? null : fill(row.body(), world);
        if (body == null) {
            return api.send(row.method(), path, token, null, Map.of());
        }
        if (body.equals("@png")) {
            return api.upload(path, token, "file", "photo.png", "image/png", TestImages.png(32, 32));
        }
        if (body.startsWith("@csv ")) {
            return api.sendBytes(row.method(), path, token,
                    body.substring(5).replace("\\n", "\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        }
        return api.send(row.method(), path, token, body, Map.of());
    }

    private static String fill(String text, World world) {
        String filled = text.replace("{newEmail}", "matrix-" + UUID.randomUUID() + "@salon.test");
        for (Map.Entry<String, String> value : world.values().entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (filled.matches(".*\\{[A-Za-z]+}.*")) {
            throw new AssertionError("unknown placeholder in " + text);
        }
        return filled;
    }

    /** Null when the answer is the expected one, else what is wrong with it. */
    private static String mismatch(String expected, HttpApi.Response response) {
        int status = response.status();
        if (expected.equals("ok")) {
            return status == 401 || status == 403 || status >= 500
                    ? "expected to be let through, got " + status + " " + response.body() : null;
        }
        int wanted = Integer.parseInt(expected);
        if (status != wanted) {
            return "expected " + wanted + ", got " + status + " " + response.body();
        }
        String code = status == 401 ? "UNAUTHENTICATED" : status == 403 ? "FORBIDDEN" : null;
        if (code != null && !code.equals(response.errorCode())) {
            return "expected the error code " + code + ", got " + response.body();
        }
        return null;
    }

    /**
     * Each role subscribes on a socket of its own (an ERROR frame closes it); then the owner changes a review and a
     * post until every subscriber that should hear of it has, and every refused one has its ERROR frame.
     */
    /**
     * Refused: an ERROR frame, or the socket closed by the server right after the SUBSCRIBE (the server sends the
     * ERROR frame and closes; on a busy machine the client has been seen to report only the close). Either way the
     * check below still requires that nothing of the topic arrived.
     */
    private static boolean refused(StompTestClient client) {
        return client.errors().stream().anyMatch(e -> e.startsWith("ERROR") || e.contains("ConnectionLostException"));
    }

    private List<String> checkTopics(List<Row> topics, World world) throws Exception {
        List<String> mismatches = new ArrayList<>();
        Map<String, StompTestClient.Subscription> listening = new LinkedHashMap<>();
        Map<String, StompTestClient> clients = new LinkedHashMap<>();
        try {
            for (Row row : topics) {
                String destination = fill(row.path(), world);
                for (int i = 0; i < ROLES.size(); i++) {
                    String what = "line " + row.line() + " SUBSCRIBE " + row.path() + " as " + ROLES.get(i);
                    StompTestClient client;
                    try {
                        client = StompTestClient.connect("ws://127.0.0.1:" + port + "/ws", world.tokens().get(i));
                    } catch (Exception refused) {
                        if (!row.expected().get(i).equals("ERROR")) {
                            mismatches.add(what + ": the CONNECT was refused (" + refused + ")");
                        }
                        continue;
                    }
                    clients.put(what, client);
                    listening.put(what + "|" + row.expected().get(i), client.subscribe(destination));
                }
            }
            ShopFixtures fixtures = new ShopFixtures(accounts, commands);
            Supplier<Boolean> change = () -> {
                fixtures.sync(world.owner(), "matrix-live-" + UUID.randomUUID(), 5, "또 올게요",
                        Instant.parse("2026-11-21T03:00:00Z"));
                HttpApi.Response post = api.post(world.owner().shop("/posts"), world.owner().token(),
                        Map.of("mediaIds", List.of(world.values().get("mediaId"))));
                assertThat(post.status()).as(post.body()).isEqualTo(201);
                return true;
            };
            Map<String, Boolean> heard = new LinkedHashMap<>();
            try {
                // a change every 300 ms until each subscription that should hear one has, and every other is refused;
                // whatever is still missing after 20 s is reported below
                await("every topic heard or refused").atMost(Duration.ofSeconds(20)).pollInSameThread()
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300)).until(() -> {
                            boolean waiting = false;
                            for (Map.Entry<String, StompTestClient.Subscription> entry : listening.entrySet()) {
                                String what = entry.getKey().substring(0, entry.getKey().lastIndexOf('|'));
                                boolean shouldHear = entry.getKey().endsWith("|MESSAGE");
                                if (shouldHear && !heard.getOrDefault(what, false)) {
                                    heard.put(what, !entry.getValue().received().isEmpty());
                                    waiting |= !heard.get(what);
                                } else if (!shouldHear && !refused(clients.get(what))) {
                                    waiting = true;
                                }
                            }
                            if (waiting) {
                                change.get();
                            }
                            return !waiting;
                        });
            } catch (ConditionTimeoutException timedOut) {
                // the mismatches say what
            }
            for (Map.Entry<String, StompTestClient.Subscription> entry : listening.entrySet()) {
                String what = entry.getKey().substring(0, entry.getKey().lastIndexOf('|'));
                StompTestClient client = clients.get(what);
                boolean errored = refused(client);
                if (entry.getKey().endsWith("|MESSAGE")) {
                    if (!heard.getOrDefault(what, false) || errored) {
                        mismatches.add(what + ": expected updates, got " + (errored ? client.errors() : "none"));
                    }
                } else {
                    JsonNode leaked = entry.getValue().poll(Duration.ZERO);
                    if (!errored || leaked != null) {
                        mismatches.add(what + ": expected an ERROR frame and nothing else, got errors "
                                + client.errors() + (leaked == null ? "" : " and a message " + leaked));
                    }
                }
            }
        } finally {
            clients.values().forEach(StompTestClient::close);
        }
        return mismatches;
    }

    private Set<String> describedOperations() {
        HttpApi.Response document = api.get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        Set<String> operations = new TreeSet<>();
        document.json().path("paths").properties().forEach(path -> {
            if (path.getKey().equals("/error")) {
                return; // Spring Boot's error page, not an operation of the API
            }
            for (String method : path.getValue().propertyNames()) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey().replaceAll("\\{[^}]+}", "{}"));
            }
        });
        return operations;
    }

    private static List<Row> readMatrix() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream(MATRIX)) {
            assertThat(in).as(MATRIX + " on the test classpath").isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int n = 0; n < lines.length; n++) {
                String line = lines[n].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|", 8);
                assertThat(cells.length).as("line %d has an operation, six cells and a body column", n + 1)
                        .isGreaterThanOrEqualTo(7);
                String[] operation = cells[0].strip().split("\\s+");
                assertThat(operation).as("line %d starts with a method and a path", n + 1).hasSize(2);
                List<String> expected = new ArrayList<>();
                for (int i = 1; i <= 6; i++) {
                    String cell = cells[i].strip();
                    assertThat(cell).as("line %d cell %d", n + 1, i).matches("\\d{3}|ok|MESSAGE|ERROR");
                    expected.add(cell);
                }
                String body = cells.length > 7 && !cells[7].isBlank() ? cells[7].strip() : null;
                rows.add(new Row(n + 1, operation[0], operation[1], expected, body));
            }
        }
        return rows;
    }
}
