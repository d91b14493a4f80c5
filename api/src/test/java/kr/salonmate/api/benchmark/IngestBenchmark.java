package kr.salonmate.api.benchmark;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.StompTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Review ingest, end to end through the running application with Google played over HTTP by {@link FakeGoogle}
 * and the built-in drafter (docs/benchmarks.md, "Ingest and pipeline"). Not part of the default run (the name does
 * not end in Test):
 * {@code ./mvnw -pl api -am test -Dtest=IngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>Anchor, measured first in the same run: raw single-row inserts per second into the same PostgreSQL database
 * (8 threads, one transaction per row, rows of about 600 bytes, like a {@code ReviewReceived} event). Then:
 * <ol>
 *   <li>sync only: a shop with auto-draft off, 2,000 reviews on Google, from {@code POST …/reviews/sync} until the
 *       inbox lists all 2,000; twice, two shops one after the other, the second as on a node that has been running
 *       (the JIT done compiling the path);</li>
 *   <li>the whole pipeline: a shop with auto-draft on, from the sync until all 2,000 are {@code DRAFTED};</li>
 *   <li>the same with five shops of 400 syncing at once;</li>
 *   <li>fairness: while a shop ingests 2,000 reviews, a small shop syncs 20 new ones; each is timed from the
 *       small shop's sync request until its STOMP frame reaches the owner's open dashboard.</li>
 * </ol>
 */
class IngestBenchmark extends IntegrationTest {

    private static final int REVIEWS = Integer.getInteger("benchmark.reviews", 2_000);
    private static final int SHOPS = 5;
    /**
     * The warm-up shop's reviews. 400 leaves the JIT compiling through the whole-pipeline rows (3.3–3.7 ms of the
     * 12.4–13.6 ms of JVM CPU per review in the ninth session); a larger warm-up shows a node that has been running.
     */
    private static final int WARM_UP_REVIEWS = Integer.getInteger("benchmark.warm-up-reviews", 400);
    private static final int SMALL_SHOP_REVIEWS = 20;
    private static final Duration LIMIT = Duration.ofMinutes(5);

    @Test
    void ingest() throws Exception {
        GOOGLE.pageSize(50);
        // a running server is warm: one shop's whole pipeline first, so that the JIT's work is not counted below
        Owner warmUp = shopWithReviews("warm-up", WARM_UP_REVIEWS, true);
        sync(warmUp);
        awaitCount(warmUp, "status=DRAFTED&", WARM_UP_REVIEWS);
        double raw = rawInsertsPerSecond(8, 6_000);
        // Google's own time per page of the listing (0 by default: the fake answers at once); the node's work is
        // what the rows measure, a latency shows how much of it overlaps Google's
        Duration latency = Duration.parse(System.getProperty("benchmark.google-latency", "PT0S"));
        GOOGLE.listDelay(latency);
        if (!latency.isZero()) {
            System.out.printf("[benchmark] Google takes %d ms per page of the listing%n", latency.toMillis());
        }
        report("anchor: raw single-row inserts (8 threads, ~600-byte rows, one transaction each)", raw, raw);

        // sync only, twice: the first still pays for the JIT compiling the path (after the warm-up above its
        // compiler threads used ~40 % of the JVM's CPU), the second is a sync on a node that has been running
        CpuUse cpu;
        long start;
        for (int r = 1; r <= Integer.getInteger("benchmark.sync-runs", 2); r++) {
            String run = r == 1 ? "first" : r == 2 ? "second" : "#" + r;
            Owner quiet = shopWithReviews("sync only " + run, REVIEWS, false);
            cpu = CpuUse.now(DATABASE.name());
            start = System.nanoTime();
            sync(quiet);
            awaitCount(quiet, "", REVIEWS);
            report("sync only (" + run + " run): " + REVIEWS + " reviews synced -> listed", REVIEWS / seconds(start),
                    raw);
            cpu.report(REVIEWS);
        }
        if (Boolean.getBoolean("benchmark.sync-only")) {
            return; // -Dbenchmark.sync-only=true: for a profile of this phase alone
        }

        Owner busy = shopWithReviews("pipeline", REVIEWS, true);
        cpu = CpuUse.now(DATABASE.name());
        start = System.nanoTime();
        sync(busy);
        awaitCount(busy, "status=DRAFTED&", REVIEWS);
        report("whole pipeline: " + REVIEWS + " reviews synced -> DRAFTED (built-in drafter)", REVIEWS / seconds(start),
                raw);
        cpu.report(REVIEWS);

        List<Owner> shops = new ArrayList<>();
        for (int i = 0; i < SHOPS; i++) {
            shops.add(shopWithReviews("five shops " + i, REVIEWS / SHOPS, true));
        }
        start = System.nanoTime();
        shops.forEach(this::sync);
        for (Owner shop : shops) {
            awaitCount(shop, "status=DRAFTED&", REVIEWS / SHOPS);
        }
        report("whole pipeline: " + SHOPS + " shops x " + REVIEWS / SHOPS + " synced -> DRAFTED", REVIEWS / seconds(start),
                raw);

        fairness();
    }

    private void fairness() throws Exception {
        Owner big = shopWithReviews("fairness big", REVIEWS, true);
        Owner small = shopWithReviews("fairness small", 0, true);
        Map<String, Long> pushedAt = new ConcurrentHashMap<>();
        try (StompTestClient stomp = StompTestClient.connect("ws://127.0.0.1:" + port + "/ws", small.token())) {
            StompTestClient.Subscription reviews = stomp.subscribe("/topic/shops/" + small.shopId() + "/reviews");
            sync(big);
            awaitCount(big, "", REVIEWS / 10); // the big shop's ingest is under way
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < SMALL_SHOP_REVIEWS; i++) {
                String id = "small-" + UUID.randomUUID();
                ids.add(id);
                GOOGLE.addReview(small.shopId(), id, "작은 손님 " + i, 5, "작은 가게 리뷰 " + i, Instant.now());
            }
            long start = System.nanoTime();
            sync(small);
            // each frame timed as it arrives (a blocking read), for up to 30 s: a measurement, not a wait for a state
            long deadline = start + Duration.ofSeconds(30).toNanos();
            while (pushedAt.size() < SMALL_SHOP_REVIEWS && System.nanoTime() < deadline) {
                JsonNode frame = reviews.poll(Duration.ofMillis(100));
                if (frame != null && ids.contains(frame.path("externalId").asText())) {
                    pushedAt.putIfAbsent(frame.path("externalId").asText(), System.nanoTime() - start);
                }
            }
            List<Long> millis = new ArrayList<>(pushedAt.values().stream().map(n -> n / 1_000_000).toList());
            Collections.sort(millis);
            long bigDrafted = api.get(big.shop("/reviews?status=DRAFTED&size=1"), big.token()).json().path("total")
                    .asLong();
            System.out.printf("[benchmark] fairness: %d of %d new reviews of a small shop pushed within 30 s while"
                    + " another shop ingested %d (%d of them drafted by then); p50 %s ms, p95 %s ms, max %s ms%n",
                    millis.size(), SMALL_SHOP_REVIEWS, REVIEWS, bigDrafted, percentile(millis, 0.5),
                    percentile(millis, 0.95), millis.isEmpty() ? "-" : millis.get(millis.size() - 1));
        }
        awaitCount(big, "status=DRAFTED&", REVIEWS);
    }

    private Owner shopWithReviews(String name, int reviews, boolean autoDraft) {
        Owner owner = signUp("Benchmark " + name);
        HttpApi.Response settings = api.put(owner.shop("/reply-settings"), owner.token(), Map.of("tone", "FRIENDLY",
                "language", "AUTO", "autoDraft", autoDraft, "allowOffers", false));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        Instant first = Instant.now().minus(Duration.ofDays(20));
        for (int i = 0; i < reviews; i++) {
            GOOGLE.addReview(owner.shopId(), name.replace(' ', '-') + "-" + i, "손님 " + i, 1 + i % 5,
                    (i % 2 == 0 ? "커트가 정말 마음에 들어요. 친절하게 설명해 주셔서 감사합니다. " : "Great colour and friendly staff, ")
                            + "review number " + i, first.plusSeconds(i * 60L));
        }
        HttpApi.Response connect = api.put(owner.shop("/connections/google"), owner.token(), Map.of("accountId",
                "acc-1", "locationId", owner.shopId(), "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN));
        assertThat(connect.status()).as(connect.body()).isEqualTo(200);
        return owner;
    }

    private void sync(Owner owner) {
        HttpApi.Response response = api.post(owner.shop("/reviews/sync"), owner.token(), null);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private void awaitCount(Owner owner, String filter, int expected) {
        eventually(() -> api.get(owner.shop("/reviews?" + filter + "size=1"), owner.token()).json().path("total")
                .asLong(), total -> total >= expected, filter + " of " + expected + " within " + LIMIT, LIMIT);
    }

    private double rawInsertsPerSecond(int threads, int rows) throws Exception {
        String url = DATABASE.url();
        try (Connection c = DriverManager.getConnection(url, DATABASE.username(), DATABASE.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_raw_insert (id uuid PRIMARY KEY, shop_id uuid NOT NULL,"
                    + " at timestamptz NOT NULL, payload text NOT NULL)");
        }
        String payload = "x".repeat(560);
        AtomicInteger left = new AtomicInteger(rows);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, DATABASE.username(), DATABASE.password());
                     PreparedStatement insert = c.prepareStatement(
                             "INSERT INTO bench_raw_insert (id, shop_id, at, payload) VALUES (?, ?, now(), ?)")) {
                    UUID shop = UUID.randomUUID();
                    while (left.getAndDecrement() > 0) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setObject(2, shop);
                        insert.setString(3, payload);
                        insert.executeUpdate(); // autocommit: one transaction per row
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double perSecond = rows / seconds(start);
        pool.shutdown();
        try (Connection c = DriverManager.getConnection(url, DATABASE.username(), DATABASE.password());
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_raw_insert");
        } catch (SQLException e) {
            // left behind in a throw-away database
        }
        return perSecond;
    }

    private static void report(String what, double perSecond, double anchor) {
        System.out.printf("[benchmark] %-75s %8.1f /s  ratio to raw inserts %.3f%n", what, perSecond,
                perSecond / anchor);
    }

    /**
     * CPU seconds of this JVM (the application, Google's fake and the polling client) and of this database's
     * PostgreSQL backends: on a shared 2-core machine the rate moves with whatever else runs, CPU per review much less.
     */
    private record CpuUse(long jvmNanos, long databaseTicks, String database, ThreadCpu threads) {

        static CpuUse now(String database) {
            return new CpuUse(jvmCpuNanos(), databaseTicks(database), database, ThreadCpu.now());
        }

        void report(int reviews) {
            double jvm = (jvmCpuNanos() - jvmNanos) / 1e6 / reviews;
            double db = (databaseTicks(database) - databaseTicks) * 10.0 / reviews;
            System.out.printf("[benchmark]   CPU per review: JVM %.1f ms, PostgreSQL %.1f ms (this database's backends"
                    + " alive at the end)%n", jvm, db);
            // by thread, the numbers taken out of their names: how much is the JIT compiling, how much each processor
            System.out.printf("[benchmark]   the JVM's CPU per review by thread (ms): %s%n", ThreadCpu.now()
                    .since(threads).entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                    .map(e -> String.format(java.util.Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() * 10.0 / reviews))
                    .collect(java.util.stream.Collectors.joining(", ")));
        }

        private static long jvmCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }

        /** Clock ticks (1/100 s) of the backends connected to the database, from /proc. */
        private static long databaseTicks(String database) {
            long ticks = 0;
            try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.username(), DATABASE.password());
                 PreparedStatement q = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = ?")) {
                q.setString(1, database);
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        try {
                            String[] stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc",
                                    Integer.toString(rs.getInt(1)), "stat")).split(" ");
                            ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                        } catch (java.io.IOException | RuntimeException e) {
                            // a backend that ended meanwhile
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return ticks;
        }
    }

    private static String percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        return Long.toString(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
