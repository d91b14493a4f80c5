package kr.salonmate.api.benchmark;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import kr.salonmate.api.SalonMateApplication;
import kr.salonmate.api.support.TestDatabase;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.ReplyEdited;
import kr.salonmate.messages.review.ReplyPublished;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.TokenUsage;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopRegistered;
import kr.salonmate.query.analytics.AnalyticsProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How fast the analytics projection is rebuilt: N events (1,000,000 by default) are written straight into
 * {@code domain_event_entry} with COPY, the application's analytics processor is reset, and the time until it has
 * handled them all is measured, twice: in this fresh JVM, and again as an operator's replay on a node that has been
 * running (its code compiled by the JIT long before). The anchor, in the same run on the same database: a plain
 * {@code SELECT} of the same rows with a JSON decode of each payload and its metadata, its second run (warm, as the
 * second replay). Not part of the default test run; see
 * docs/benchmarks.md ("Replay") for the command.
 */
@Tag("benchmark")
@SpringBootTest(classes = SalonMateApplication.class, properties = "salonmate.embedded-database.enabled=false")
class ReplayBenchmark {

    private static final TestDatabase.Database DATABASE = TestDatabase.create("bench");
    private static final int EVENTS = Integer.getInteger("benchmark.events", 1_000_000);
    private static final int SHOPS = 500;
    private static final int WINDOW = 500;
    /**
     * The people who edit and approve a shop's replies: a salon has a few. 0 makes a new person for every review, as
     * the generator did until the eighth session (56,169 people for 500 shops: a key of their own to read for each).
     */
    /**
     * Replays after the first, each as an operator's replay on a running node. Two since the ninth session: the
     * second still finds the JIT compiling; the third is what a node that has been running for a while does.
     */
    private static final int WARM_REPLAYS = Math.max(1, Integer.getInteger("benchmark.warm-replays", 2));
    private static final int MANAGERS_PER_SHOP = Integer.getInteger("benchmark.managers-per-shop", 3);
    private static final String[] KOREAN = {"원장님", "커트", "펌", "염색", "머리", "직원", "네일아트", "속눈썹", "두피",
            "클리닉", "가격", "예약", "시간", "분위기", "서비스", "매장"};
    private static final String[] KOREAN_ENDINGS = {"이 정말 좋아요", "도 친절하고 깔끔해요", "이 별로였어요",
            "가 최고예요!", "은 그냥 그랬어요", "이 너무 비싸요", "도 만족합니다", "이 불친절했어요"};
    private static final String[] ENGLISH = {"Lovely staff and a great haircut", "Waited 40 minutes, rude reception",
            "Best colour I ever had, highly recommend", "Too expensive for what it was",
            "Friendly, clean and professional"};

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestDatabase.drop(DATABASE)));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::username);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("salonmate.sync.enabled", () -> "false");
        registry.add("salonmate.data-dir", () -> "target/bench-data");
        registry.add("salonmate.crypto.key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("logging.level.root", () -> "WARN");
        registry.add("logging.level.kr.salonmate.api.benchmark", () -> "INFO");
    }

    @org.springframework.beans.factory.annotation.Value("${axon.eventhandling.processors.analytics.batch-size:1}")
    private String batchSize;
    @org.springframework.beans.factory.annotation.Value("${axon.eventhandling.processors.analytics.source:}")
    private String source;
    @org.springframework.beans.factory.annotation.Value("${salonmate.analytics.read-ahead:10000}")
    private int readAhead;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    @Autowired
    private org.axonframework.common.transaction.TransactionManager axonTransactions;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private kr.salonmate.api.privacy.SubjectKeys subjectKeys;
    @Autowired
    private org.axonframework.config.Configuration axon;

    @Test
    void replayTheAnalyticsProjection() throws Exception {
        // only the processor under test reads: the others would compete for the same two cores
        processing.eventProcessors().values().forEach(p -> p.shutDown());
        Serializer serializer = axon.eventSerializer();

        long started = System.nanoTime();
        Generated generated = generate(serializer);
        double generateSeconds = seconds(started);

        // the anchor decodes without the personal-data hook (ADR 20): the same work before and after encryption, so the
        // ratio shows what decrypting costs the replay
        ObjectMapper plainJson = ((JacksonSerializer) serializer).getObjectMapper().copy().setAnnotationIntrospector(
                new com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector());
        anchor(plainJson, generated.events()); // once to warm up, as the second replay below is measured warm
        Map<Integer, Long> anchorDatabaseCpuStart2 = databaseCpuTicks();
        double anchorRate = anchor(plainJson, generated.events());
        double anchorDatabaseCpuSeconds = databaseCpuSeconds(anchorDatabaseCpuStart2, databaseCpuTicks());

        StreamingEventProcessor analytics = processing.eventProcessor(AnalyticsProjection.GROUP,
                StreamingEventProcessor.class).orElseThrow();
        // first in this fresh JVM (the JIT compiles the whole path meanwhile), then again as an operator's replay on a
        // node that has been running (a running node has compiled it long before). The second replay still finds the
        // JIT's compilers busy (1.3-1.7 s of CPU in the eighth and ninth sessions), so by default there is a third
        Replay cold = replay(analytics, generated);
        List<Replay> warm = new ArrayList<>();
        boolean statements = false;
        for (int i = 0; i < WARM_REPLAYS; i++) {
            analytics.shutDown();
            if (i == WARM_REPLAYS - 1) {
                statements = resetStatements(); // PostgreSQL's statements of the last replay
            }
            warm.add(replay(analytics, generated));
        }
        String topStatements = statements ? topStatements() : "    (pg_stat_statements is not loaded)";

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM analytics_review")) {
            rs.next();
            assertThat(rs.getLong(1)).as("every review counted").isEqualTo(generated.reviews());
        }
        long[] live = live(analytics, 20);
        String report = String.format(Locale.ROOT, """
                replay benchmark (%s processor, batch size %s, event source %s, read-ahead %,d events)
                  events:          %,d (%,d reviews, %,d shops, %s); generated and copied in %.1f s
                  anchor (SELECT + JSON decode of the same rows, its second run): %,.0f events/s (PostgreSQL on the CPU %.1f s)
                  first replay, this JVM cold:
                %s
                %s
                  live, after the replay: one event handled %d ms (median) and at most %d ms after its commit
                  PostgreSQL's statements in the last replay, by time (pg_stat_statements):
                %s
                """, analytics.getClass().getSimpleName(), batchSize,
                source == null || source.isBlank() ? "the event store" : source, readAhead,
                generated.events(), generated.reviews(), SHOPS, MANAGERS_PER_SHOP == 0 ? "a new manager for every review"
                        : MANAGERS_PER_SHOP + " managers each", generateSeconds, anchorRate, anchorDatabaseCpuSeconds,
                cold.report(generated.events(), anchorRate).indent(4).stripTrailing(),
                warmReports(warm, generated.events(), anchorRate),
                live[live.length / 2], live[live.length - 1], topStatements);
        System.out.println(report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "replay-benchmark.txt"), report);
    }

    private static String warmReports(List<Replay> warm, long events, double anchorRate) {
        String[] ordinals = {"second", "third", "fourth", "fifth", "sixth"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < warm.size(); i++) {
            text.append(String.format(Locale.ROOT, "  %s replay, as on a running node:%n",
                    i < ordinals.length ? ordinals[i] : "#" + (i + 2)));
            text.append(warm.get(i).report(events, anchorRate).indent(4));
        }
        return text.toString().stripTrailing();
    }

    private record Generated(long events, long reviews, long lastIndex) {
    }

    private record Replay(double seconds, double cpuSeconds, String threadCpu, double databaseCpuSeconds, long commits,
                          String loadBefore, String loadAfter) {

        String report(long events, double anchorRate) {
            double rate = events / seconds;
            return String.format(Locale.ROOT, """
                        analytics replay: %.1f s = %,.0f events/s (on the CPU meanwhile: this JVM %.1f s, PostgreSQL %s)
                        the JVM's CPU by thread: %s
                        transactions committed in the database meanwhile: %,d (%,.0f events each)
                        ratio replay/anchor: %.2f
                        load average (1, 5, 15 min): %s before the replay, %s after""", seconds, rate, cpuSeconds,
                    databaseCpuSeconds < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f s", databaseCpuSeconds),
                    threadCpu, commits, (double) events / Math.max(1, commits), rate / anchorRate, loadBefore,
                    loadAfter);
        }
    }

    /** Resets the processor's tokens, starts it and times it until it has handled the last event. */
    private Replay replay(StreamingEventProcessor analytics, Generated generated) throws Exception {
        analytics.resetTokens();
        subjectKeys.forgetCache(); // the replay starts with no key cached, as after a restart: one read per subject
        String loadBefore = loadAverage();
        long cpuStart = processCpuNanos();
        ThreadCpu threadCpuStart = ThreadCpu.now();
        Map<Integer, Long> databaseCpuStart = databaseCpuTicks();
        long commitsStart = commits();
        long replayStart = System.nanoTime();
        analytics.start();
        eventually(() -> position(analytics), position -> position >= generated.lastIndex(),
                "the replay within an hour", Duration.ofHours(1));
        double replaySeconds = seconds(replayStart);
        // the wall-clock window, to pick the replay's samples out of a flight recording of the whole run
        System.out.println("[replay] " + Instant.now().minusNanos((long) (replaySeconds * 1e9)) + " .. " + Instant.now());
        return new Replay(replaySeconds, (processCpuNanos() - cpuStart) / 1e9,
                threadCpuSeconds(threadCpuStart, ThreadCpu.now()),
                databaseCpuSeconds(databaseCpuStart, databaseCpuTicks()), commits() - commitsStart, loadBefore,
                loadAverage());
    }

    /**
     * Live processing once the replay is done: one review at a time is appended the way a command handler appends
     * it (a unit of work with a transaction; the event store wakes its consumers after the commit), and the time
     * until the analytics processor has handled it is taken. Sorted, in milliseconds.
     */
    private long[] live(StreamingEventProcessor analytics, int events) throws Exception {
        long[] millis = new long[events];
        ShopId shop = ShopId.random();
        for (int i = 0; i < events; i++) {
            ReviewId id = ReviewId.derive(shop, ReviewSource.GOOGLE, "live-" + i);
            Instant now = Instant.now();
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(axonTransactions);
            unitOfWork.execute(() -> eventStore.publish(new GenericDomainEventMessage<>("Review", id.toString(), 0,
                    new ReviewReceived(id, shop, ReviewSource.GOOGLE, "bench", "고객", 5, "원장님 커트 최고예요", "ko",
                            now, now, now))));
            long committed = System.nanoTime();
            long head = eventStore.createHeadToken().position().orElseThrow();
            // a tight loop of its own, not Awaitility: the latency it measures is a few milliseconds
            while (position(analytics) < head) {
                Thread.sleep(0, 200_000);
                assertThat(seconds(committed)).as("a live event is taking too long").isLessThan(10);
            }
            millis[i] = (System.nanoTime() - committed) / 1_000_000;
            Thread.sleep(20); // one review at a time: the next is appended after a pause, as live traffic comes
        }
        java.util.Arrays.sort(millis);
        return millis;
    }

    /** Shops and their reviews' lives, interleaved the way they happen: many reviews progress side by side. */
    private Generated generate(Serializer serializer) throws Exception {
        Random random = new Random(42);
        byte[] metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
        try (Connection connection = dataSource.getConnection()) {
            long index;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
                rs.next();
                index = rs.getLong(1);
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY domain_event_entry (global_index, sequence_number, meta_data, payload, aggregate_identifier,
                        event_identifier, payload_revision, payload_type, time_stamp, type) FROM STDIN WITH (FORMAT csv)""");
            Writer writer = new Writer(copy, serializer, metaData);
            List<ShopId> shops = new ArrayList<>();
            Map<ShopId, List<Actor>> managers = new HashMap<>();
            Instant start = Instant.parse("2025-01-01T00:00:00Z");
            for (int s = 0; s < SHOPS; s++) {
                ShopId shop = ShopId.random();
                shops.add(shop);
                index = writer.write(++index, "Shop", shop.toString(), 0, new ShopRegistered(shop, "Salon " + s,
                        s % 10 == 0 ? "Europe/London" : "Asia/Seoul", "ko", Actor.user(UUID.randomUUID(), "owner"),
                        ReplySettings.defaults(), start));
                List<Actor> people = new ArrayList<>();
                for (int m = 0; m < MANAGERS_PER_SHOP; m++) {
                    people.add(Actor.user(UUID.randomUUID(), "manager " + m));
                }
                managers.put(shop, people);
            }
            long events = SHOPS;
            long reviews = 0;
            while (events < EVENTS) {
                List<List<Object>> lives = new ArrayList<>();
                List<ReviewId> ids = new ArrayList<>();
                for (int w = 0; w < WINDOW && events < EVENTS; w++) {
                    ShopId shop = shops.get(random.nextInt(shops.size()));
                    ReviewId id = ReviewId.derive(shop, ReviewSource.GOOGLE, "bench-" + reviews);
                    List<Actor> people = managers.get(shop);
                    Actor manager = people.isEmpty() ? Actor.user(UUID.randomUUID(), "manager")
                            : people.get(random.nextInt(people.size()));
                    List<Object> life = life(random, shop, id, manager, start.plus(Duration.ofMinutes(random.nextInt(
                            60 * 24 * 700))));
                    if (events + life.size() > EVENTS) {
                        life = life.subList(0, (int) (EVENTS - events));
                    }
                    events += life.size();
                    reviews++;
                    lives.add(life);
                    ids.add(id);
                }
                for (int step = 0; step < 6; step++) {
                    for (int r = 0; r < lives.size(); r++) {
                        if (step < lives.get(r).size()) {
                            index = writer.write(++index, "Review", ids.get(r).toString(), step, lives.get(r).get(step));
                        }
                    }
                }
            }
            writer.flush();
            copy.endCopy();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT setval('domain_event_entry_seq', " + index + ")");
                statement.execute("ANALYZE domain_event_entry");
            }
            return new Generated(events, reviews, index);
        }
    }

    private static List<Object> life(Random random, ShopId shop, ReviewId id, Actor manager, Instant written) {
        int rating = 1 + random.nextInt(5);
        String comment = random.nextInt(4) == 0 ? ENGLISH[random.nextInt(ENGLISH.length)]
                : KOREAN[random.nextInt(KOREAN.length)] + KOREAN_ENDINGS[random.nextInt(KOREAN_ENDINGS.length)] + " "
                + KOREAN[random.nextInt(KOREAN.length)] + KOREAN_ENDINGS[random.nextInt(KOREAN_ENDINGS.length)];
        UUID request = UUID.randomUUID();
        UUID approval = UUID.randomUUID();
        Instant at = written.plusSeconds(30);
        List<Object> life = new ArrayList<>();
        life.add(new ReviewReceived(id, shop, ReviewSource.GOOGLE, "bench", "고객", rating, comment, "ko", written,
                written, at));
        life.add(new ReplyDraftRequested(id, shop, request, null, Actor.system(), "고객", rating, comment, "ko", at));
        life.add(new ReplyDrafted(id, shop, request, "방문해 주셔서 감사합니다!", "builtin", "v3", new TokenUsage(120, 40),
                rating, at.plusSeconds(2)));
        String text = "방문해 주셔서 감사합니다!";
        if (random.nextInt(3) == 0) {
            text = "고객님, 방문해 주셔서 정말 감사합니다!";
            life.add(new ReplyEdited(id, shop, text, "방문해 주셔서 감사합니다!", manager, at.plusSeconds(600)));
        }
        Instant approved = at.plusSeconds(60L * (5 + random.nextInt(600)));
        life.add(new ReplyApproved(id, shop, approval, ReviewSource.GOOGLE, "bench", text, manager, approved));
        life.add(new ReplyPublished(id, shop, approval, ReviewSource.GOOGLE, "bench", text, approved.plusSeconds(3)));
        return life;
    }

    /** Rows in COPY's CSV format; bytea as hex. */
    private static final class Writer {
        private final CopyIn copy;
        private final Serializer serializer;
        private final String metaData;
        private final Map<Class<?>, String[]> types = new HashMap<>();
        private final StringBuilder buffer = new StringBuilder(1 << 20);

        Writer(CopyIn copy, Serializer serializer, byte[] metaData) {
            this.copy = copy;
            this.serializer = serializer;
            this.metaData = "\\x" + HexFormat.of().formatHex(metaData);
        }

        long write(long index, String type, String aggregate, long sequence, Object payload) throws Exception {
            SerializedObject<byte[]> data = serializer.serialize(payload, byte[].class);
            String[] typeAndRevision = types.computeIfAbsent(payload.getClass(), c -> new String[]{
                    data.getType().getName(), data.getType().getRevision()});
            buffer.append(index).append(',').append(sequence).append(',').append(metaData).append(",\\x")
                    .append(HexFormat.of().formatHex(data.getData())).append(',').append(aggregate).append(',')
                    .append(UUID.randomUUID()).append(',').append(typeAndRevision[1] == null ? "" : typeAndRevision[1])
                    .append(',').append(typeAndRevision[0]).append(',').append(Instant.now()).append(',')
                    .append(type).append('\n');
            if (buffer.length() > (1 << 20) - 4096) {
                flush();
            }
            return index;
        }

        void flush() throws Exception {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    /** The same rows read with plain JDBC (a server-side cursor, 1,000 rows a fetch) and their JSON decoded. */
    private double anchor(ObjectMapper json, long expected) throws Exception {
        Map<String, Class<?>> classes = new HashMap<>();
        long started = System.nanoTime();
        long decoded = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("SELECT global_index, payload_type, "
                    + "payload, meta_data FROM domain_event_entry ORDER BY global_index")) {
                select.setFetchSize(1_000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String type = rs.getString(2);
                        Class<?> payloadType = classes.computeIfAbsent(type, ReplayBenchmark::load);
                        if (json.readValue(rs.getBytes(3), payloadType) != null
                                && json.readTree(rs.getBytes(4)) != null) {
                            decoded++;
                        }
                    }
                }
            }
            connection.commit();
        }
        assertThat(decoded).isGreaterThanOrEqualTo(expected);
        return decoded / seconds(started);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return -1;
        }
        return status.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    /** The machine's load average, as /proc/loadavg gives it (the benchmark machines are shared). */
    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * CPU ticks of this database's PostgreSQL backends, by process id, from /proc (the server runs on this machine;
     * empty when it does not, or /proc cannot be read).
     */
    private Map<Integer, Long> databaseCpuTicks() {
        Map<Integer, Long> ticks = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
            while (rs.next()) {
                int pid = rs.getInt(1);
                java.nio.file.Path stat = java.nio.file.Path.of("/proc", String.valueOf(pid), "stat");
                if (java.nio.file.Files.isReadable(stat)) {
                    String line = java.nio.file.Files.readString(stat);
                    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12])); // utime + stime
                }
            }
        } catch (Exception e) {
            ticks.clear();
        }
        return ticks;
    }

    /** The threads that used the most CPU between two readings, in seconds. */
    private static String threadCpuSeconds(ThreadCpu before, ThreadCpu after) {
        List<String> top = new ArrayList<>();
        after.since(before).entrySet().stream()
                .filter(e -> e.getValue() >= 10)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(7)
                .forEach(e -> top.add(String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 100.0)));
        return top.isEmpty() ? "unknown" : String.join(", ", top);
    }

    /**
     * Starts counting statements afresh, when the server has pg_stat_statements loaded
     * ({@code shared_preload_libraries}); false when it has not.
     */
    private boolean resetStatements() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
            return true;
        } catch (Exception notLoaded) {
            return false;
        }
    }

    /** This database's statements that took the most time since {@link #resetStatements()}. */
    private String topStatements() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
                     FROM pg_stat_statements
                     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                     ORDER BY total_exec_time DESC LIMIT 10""")) {
            while (rs.next()) {
                lines.add(String.format(Locale.ROOT, "    %,8d calls %,9.0f ms %,10d rows  %s", rs.getLong(1),
                        rs.getDouble(2), rs.getLong(3), rs.getString(4)));
            }
        }
        return String.join("\n", lines);
    }

    /** Transactions committed in this database so far (PostgreSQL's statistics, which lag by up to a second). */
    private long commits() throws Exception {
        Thread.sleep(1_000);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Seconds on the CPU between two readings (clock ticks of 1/100 s); -1 when unknown. */
    private static double databaseCpuSeconds(Map<Integer, Long> before, Map<Integer, Long> after) {
        if (after.isEmpty()) {
            return -1;
        }
        long ticks = 0;
        for (Map.Entry<Integer, Long> backend : after.entrySet()) {
            ticks += backend.getValue() - before.getOrDefault(backend.getKey(), 0L);
        }
        return ticks / 100.0;
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
