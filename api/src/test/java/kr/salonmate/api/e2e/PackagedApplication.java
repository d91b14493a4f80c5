package kr.salonmate.api.e2e;

import static kr.salonmate.api.support.Eventually.eventually;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.TestDatabase;
import org.awaitility.core.ConditionTimeoutException;

/** The packaged jar, started as its own process exactly as a user would start it. */
public final class PackagedApplication implements AutoCloseable {

    /** How long a test waits for the packaged jar's processors and sagas to catch up (a process of its own). */
    public static final java.time.Duration CATCH_UP = java.time.Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;
    final long startMillis;

    private PackagedApplication(Process process, int port, Path log, long startMillis) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startMillis = startMillis;
    }

    static Path jar() {
        File[] jars = new File("target").listFiles((dir, name) -> name.matches("api-.*\\.jar") && !name.endsWith("-plain.jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("No packaged jar in api/target: run `./mvnw verify` (package runs first)");
        }
        return jars[0].toPath();
    }

    /**
     * How README.md's run command starts it: the extracted layout with its class-data-sharing archive when the build
     * made them (api/pom.xml, ADR 25), or with its ahead-of-time cache when the build ran on JDK 25 or newer (ADR 43),
     * the fat jar otherwise ({@code -Dsalonmate.cds.skip=true}).
     */
    static List<String> launch() {
        Path extracted = Path.of("target", "salonmate", "salonmate.jar");
        Path archive = Path.of("target", "salonmate", "salonmate.jsa");
        Path aotCache = Path.of("target", "salonmate", "salonmate.aot");
        if (Files.isRegularFile(extracted) && Files.isRegularFile(aotCache) && Runtime.version().feature() >= 25) {
            return List.of("-XX:AOTCache=" + aotCache, "-jar", extracted.toString());
        }
        if (Files.isRegularFile(extracted) && Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
        }
        return List.of("-jar", jar().toString());
    }

    public static PackagedApplication start(String name, Map<String, String> properties) throws Exception {
        return start(name, "512m", properties);
    }

    /** The jar started with a heap of at most {@code maxHeap} ({@code -Xmx}). */
    public static PackagedApplication start(String name, String maxHeap, Map<String, String> properties)
            throws Exception {
        int port = freePort();
        Path log = Path.of("target", "e2e-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap));
        command.addAll(launch());
        command.add("--server.port=" + port);
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                // the tests poll read models and sign up several users from one address; RateLimitTest covers limits
                "salonmate.rate-limit.default", "0", "salonmate.rate-limit.auth", "0",
                // and draft more than a FREE month's AI generations; a test of the quota sets its own
                "salonmate.plan.free-ai-quota", "1000000"));
        settings.putAll(properties);
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedApplication app = new PackagedApplication(process, port, log, 0);
        // 90 s by default; -De2e.start-seconds=… on a machine busy with other builds
        long startSeconds = Long.getLong("e2e.start-seconds", 90);
        HttpClient http = HttpClient.newHttpClient();
        try {
            eventually(() -> healthy(app, http), up -> up, "the application to become healthy",
                    Duration.ofSeconds(startSeconds));
        } catch (ConditionTimeoutException notHealthy) {
            process.destroyForcibly();
            throw new IllegalStateException("The application did not become healthy in " + startSeconds + " s:\n"
                    + app.logTail());
        }
        return new PackagedApplication(process, port, log, (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean healthy(PackagedApplication app, HttpClient http) {
        if (!app.process.isAlive()) {
            throw new IllegalStateException("The application died while starting:\n" + app.logTail());
        }
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create(app.baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("UP");
        } catch (IOException notYet) {
            return false; // still starting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String wsUrl() {
        return "ws://127.0.0.1:" + port + "/ws";
    }

    /** kill -9: no shutdown hooks, no graceful anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /**
     * What every packaged run here is given: the test's database, its own data directory, no periodic sync, Google
     * played by {@code google} (when not null), and then {@code more} as key, value, key, value….
     */
    public static Map<String, String> settings(TestDatabase.Database database, String dataDir,
                                               FakeGoogle google, String... more) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.username());
        settings.put("salonmate.data-dir", dataDir);
        settings.put("salonmate.sync.enabled", "false");
        if (google != null) {
            settings.put("salonmate.google.api-base-url", google.baseUrl());
            settings.put("salonmate.google.token-url", google.tokenUrl());
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return Map.copyOf(settings);
    }
}
