package kr.salonmate.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.SecretKey;
import kr.salonmate.api.support.TestDatabase;
import kr.salonmate.integration.credentials.CryptoKeyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes on one database, each with its own key cache that would keep a key for an hour: when one erases a
 * person, the other stops reading their data as soon as the erasure commits — not when its cache expires — and a
 * rolled-back erasure tells nobody anything.
 */
class ErasureAcrossNodesTest {

    private static final CryptoKeyProvider MASTER = CryptoKeyProvider.ofBase64(
            Base64.getEncoder().encodeToString(new byte[32]));
    private static final Duration AN_HOUR = Duration.ofHours(1);

    private TestDatabase.Database database;
    private Node first;
    private Node second;

    private record Node(HikariDataSource pool, SubjectKeys keys, ErasureNotices notices, TransactionTemplate tx) {

        static Node on(TestDatabase.Database database) {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(database.url());
            pool.setUsername(database.username());
            pool.setPassword(database.password());
            pool.setMaximumPoolSize(3);
            SubjectKeys keys = new SubjectKeys(new JdbcTemplate(pool), MASTER, Clock.systemUTC(), AN_HOUR, 1_000);
            ErasureNotices notices = new ErasureNotices(pool, keys);
            notices.start();
            return new Node(pool, keys, notices, new TransactionTemplate(new DataSourceTransactionManager(pool)));
        }

        void stop() {
            notices.stop();
            pool.close();
        }
    }

    @BeforeEach
    void twoNodes() {
        database = TestDatabase.create("erasure");
        new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(database.url(),
                database.username(), database.password())).execute("""
                CREATE TABLE personal_data_key (subject varchar(80) PRIMARY KEY, wrapped_key bytea,
                    created_at timestamptz NOT NULL, erased_at timestamptz);
                CREATE INDEX personal_data_key_created ON personal_data_key (created_at, subject)""");
        first = Node.on(database);
        second = Node.on(database);
    }

    @AfterEach
    void stop() {
        first.stop();
        second.stop();
        TestDatabase.drop(database);
    }

    @Test
    void anErasureOnOneNodeStopsTheOtherFromReadingAtOnceAndARollbackChangesNothing() throws Exception {
        SecretKey written = first.tx().execute(status -> first.keys().forWriting("reviewer:a"));
        first.tx().execute(status -> first.keys().forWriting("reviewer:b"));
        first.tx().execute(status -> first.keys().forWriting("reviewer:z"));
        awaitListening();
        assertThat(second.keys().forReading("reviewer:a")).isEqualTo(written); // now cached on the second node
        assertThat(second.keys().forReading("reviewer:b")).isNotNull();
        assertThat(second.keys().forReading("reviewer:z")).isNotNull();

        // an erasure that rolls back sends nothing: the key is still there and still read. Notices arrive in commit
        // order, so once the second node has seen a later erasure (z), it would have seen b's had there been one.
        first.tx().executeWithoutResult(status -> {
            first.keys().erase("reviewer:b");
            status.setRollbackOnly();
        });
        first.tx().executeWithoutResult(status -> first.keys().erase("reviewer:z"));
        awaitUnreadable(second, "reviewer:z", Duration.ofSeconds(2));
        assertThat(second.keys().forReading("reviewer:b")).isNotNull();
        assertThat(new JdbcTemplate(first.pool()).queryForObject(
                "SELECT wrapped_key IS NOT NULL FROM personal_data_key WHERE subject = 'reviewer:b'", Boolean.class))
                .isTrue();

        first.tx().executeWithoutResult(status -> first.keys().erase("reviewer:a"));
        awaitUnreadable(second, "reviewer:a", Duration.ofSeconds(2));
        assertThat(first.keys().forReading("reviewer:a")).isNull();
        assertThat(second.keys().forReading("reviewer:b")).as("only the erased person").isNotNull();
    }

    @Test
    void twoNodesWritingForTheSameNewPersonUseOneKeyTheFirstToCommit() {
        // the second node's insert waits on the first's uncommitted row, then finds it and uses that key
        SecretKey[] second = new SecretKey[1];
        SecretKey firstKey = first.tx().execute(status -> {
            SecretKey key = first.keys().forWriting("reviewer:new");
            Thread other = new Thread(() -> second[0] = this.second.tx().execute(s -> this.second.keys()
                    .forWriting("reviewer:new")));
            other.start();
            return key;
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> second[0] != null);

        assertThat(second[0].getEncoded()).isEqualTo(firstKey.getEncoded());
        assertThat(this.second.keys().forReading("reviewer:new").getEncoded()).isEqualTo(firstKey.getEncoded());
        assertThat(new JdbcTemplate(first.pool()).queryForObject(
                "SELECT count(*) FROM personal_data_key WHERE subject = 'reviewer:new'", Long.class)).isEqualTo(1);
    }

    @Test
    void aNodeThatLostItsListeningConnectionForgetsItsKeysWhenItListensAgain() throws Exception {
        first.tx().execute(status -> first.keys().forWriting("reviewer:c"));
        awaitListening();
        assertThat(second.keys().forReading("reviewer:c")).isNotNull();

        // the second node's listening connection is killed; meanwhile the first erases (the notice is lost)
        new JdbcTemplate(first.pool()).query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE application_name = 'salonmate-erasure-notices' AND datname = current_database()",
                rs -> { });
        first.tx().executeWithoutResult(status -> first.keys().erase("reviewer:c"));
        awaitUnreadable(second, "reviewer:c", Duration.ofSeconds(10));
    }

    /** Polls the node's cache: an hour-long cache that forgets only through a notice or a reconnect. */
    private static void awaitUnreadable(Node node, String subject, Duration limit) throws InterruptedException {
        long erasedAt = System.nanoTime();
        while (node.keys().forReading(subject) != null) {
            assertThat(Duration.ofNanos(System.nanoTime() - erasedAt)).as("%s still readable", subject)
                    .isLessThan(limit);
            Thread.sleep(5);
        }
    }

    private void awaitListening() throws InterruptedException {
        JdbcTemplate jdbc = new JdbcTemplate(first.pool());
        long start = System.nanoTime();
        while (jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                + "'salonmate-erasure-notices' AND datname = current_database() AND query LIKE 'LISTEN%'",
                Long.class) < 2) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            Thread.sleep(20);
        }
    }
}
