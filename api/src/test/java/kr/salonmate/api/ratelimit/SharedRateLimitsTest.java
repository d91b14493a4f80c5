package kr.salonmate.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import kr.salonmate.api.support.Ports;
import kr.salonmate.api.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two "nodes" (two rate limiters, each with its own store client) counting one shop's on-demand drafts: with Redis or
 * PostgreSQL behind them the limit holds across both; in each node's memory (the embedded default) it does not, as
 * documented.
 */
class SharedRateLimitsTest {

    private static final int DRAFTS_PER_MINUTE = 3;
    private final RateLimitStore.RateLimitStoreResources resources = new RateLimitStore.RateLimitStoreResources();

    @AfterEach
    void close() {
        resources.destroy();
    }

    @Test
    void onPostgreSQLTheDraftLimitOfAShopHoldsAcrossTwoNodes() throws Exception {
        DataSource database = database();
        limitHoldsAcrossNodes(node("postgresql", "", database), node("postgresql", "", database));
    }

    @Test
    void onRedisTheDraftLimitOfAShopHoldsAcrossTwoNodes() throws Exception {
        boolean redisUp = Ports.listens("127.0.0.1", 6379);
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(redisUp, "no Redis on 127.0.0.1:6379");
        }
        DataSource unused = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");
        // the store is chosen by the Redis URL alone, as in a deployment that sets only SALONMATE_REDIS_URL
        limitHoldsAcrossNodes(node("", "redis://127.0.0.1:6379", unused), node("", "redis://127.0.0.1:6379", unused));
    }

    @Test
    void withoutRedisEachNodeCountsInItsOwnMemory() throws Exception {
        DataSource unused = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");
        RateLimiter a = node("", "", unused);
        RateLimiter b = node("", "", unused);
        UUID shop = UUID.randomUUID();
        for (int i = 0; i < DRAFTS_PER_MINUTE; i++) {
            a.requireAiDraftAllowance(shop);
            b.requireAiDraftAllowance(shop);
        }
        assertThatThrownBy(() -> a.requireAiDraftAllowance(shop)).isInstanceOf(RateLimiter.RateLimitedException.class);
    }

    private static void limitHoldsAcrossNodes(RateLimiter a, RateLimiter b) {
        UUID shop = UUID.randomUUID();
        a.requireAiDraftAllowance(shop);
        b.requireAiDraftAllowance(shop);
        a.requireAiDraftAllowance(shop);

        assertThatThrownBy(() -> b.requireAiDraftAllowance(shop))
                .isInstanceOfSatisfying(RateLimiter.RateLimitedException.class, e -> {
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 60L);
                    assertThat(e.code()).isEqualTo("RATE_LIMITED");
                });
        assertThatThrownBy(() -> a.requireAiDraftAllowance(shop)).isInstanceOf(RateLimiter.RateLimitedException.class);
        // another shop has its own allowance
        UUID otherShop = UUID.randomUUID();
        b.requireAiDraftAllowance(otherShop);
        a.requireAiDraftAllowance(otherShop);
    }

    private RateLimiter node(String store, String redisUrl, DataSource dataSource) {
        Buckets buckets = new RateLimitStore().rateLimitBuckets(store, redisUrl, dataSource, Clock.systemUTC(), resources);
        return new RateLimiter(buckets, 0, 0, DRAFTS_PER_MINUTE);
    }

    /** A fresh database with the migration that creates Bucket4j's table. */
    private static DataSource database() throws Exception {
        TestDatabase.Database db = TestDatabase.create("ratelimit");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
        try (InputStream sql = SharedRateLimitsTest.class.getResourceAsStream("/db/migration/V91__rate_limit_bucket.sql");
             Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
        return dataSource;
    }
}
