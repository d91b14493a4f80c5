package kr.salonmate.api.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Where the rate limits are counted ({@code SALONMATE_RATE_LIMIT_STORE}, ADR 0024):
 * <ul>
 *   <li>{@code redis}: Bucket4j on Redis ({@code SALONMATE_REDIS_URL}); one round trip per request, shared by all
 *       nodes. The default whenever a Redis URL is set.</li>
 *   <li>{@code postgresql}: Bucket4j on the application's PostgreSQL ({@code rate_limit_bucket}, a row per key locked
 *       with {@code SELECT … FOR UPDATE}); shared by all nodes with nothing more to run, at the price of a write per
 *       request.</li>
 *   <li>{@code local}: this node's memory. The default without Redis: the embedded default is one node, where it is
 *       exact and costs nothing. With several nodes it allows each client the limit once per node.</li>
 * </ul>
 */
@Configuration
class RateLimitStore {

    private static final Logger log = LoggerFactory.getLogger(RateLimitStore.class);

    @Bean
    Buckets rateLimitBuckets(@Value("${salonmate.rate-limit.store:}") String store,
                             @Value("${salonmate.redis.url:}") String redisUrl,
                             DataSource dataSource, Clock clock, RateLimitStoreResources resources) {
        String chosen = StringUtils.hasText(store) ? store.trim().toLowerCase(Locale.ROOT)
                : StringUtils.hasText(redisUrl) ? "redis" : "local";
        log.info("Rate limits are counted in {}", switch (chosen) {
            case "redis" -> "Redis, shared by every node";
            case "postgresql" -> "PostgreSQL (rate_limit_bucket), shared by every node";
            default -> "this node's memory (each node counts its own)";
        });
        return switch (chosen) {
            case "redis" -> {
                if (!StringUtils.hasText(redisUrl)) {
                    throw new IllegalStateException("salonmate.rate-limit.store=redis needs SALONMATE_REDIS_URL");
                }
                RedisClient client = RedisClient.create(redisUrl);
                StatefulRedisConnection<String, byte[]> connection =
                        client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                resources.onClose(() -> {
                    connection.close();
                    client.shutdown();
                });
                yield new SharedBuckets(Bucket4jLettuce.casBasedBuilder(connection)
                        // a bucket untouched for longer than it takes to refill is full anyway: Redis forgets it
                        .expirationAfterWrite(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                        .build(), "salonmate:rate-limit:");
            }
            case "postgresql" -> {
                PostgreSQLSelectForUpdateBasedProxyManager<String> buckets = Bucket4jPostgreSQL
                        .selectForUpdateBasedBuilder(dataSource)
                        .primaryKeyMapper(PrimaryKeyMapper.STRING)
                        .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                        .expirationAfterWrite(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                        .build();
                resources.every(Duration.ofMinutes(1), () -> buckets.removeExpired(1_000));
                yield new SharedBuckets(buckets, "");
            }
            case "local" -> new TokenBuckets(clock);
            default -> throw new IllegalStateException(
                    "salonmate.rate-limit.store must be redis, postgresql or local, not " + store);
        };
    }

    @Bean
    RateLimitStoreResources rateLimitStoreResources() {
        return new RateLimitStoreResources();
    }

    /** The Redis connection and the clean-up of expired rows, closed with the application. */
    static final class RateLimitStoreResources implements DisposableBean {
        private final java.util.List<Runnable> closers = new java.util.concurrent.CopyOnWriteArrayList<>();

        void onClose(Runnable closer) {
            closers.add(closer);
        }

        void every(Duration period, Runnable task) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "rate-limit-cleanup");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.debug("Removing expired rate-limit buckets failed: {}", e.toString());
                }
            }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
            closers.add(executor::shutdownNow);
        }

        @Override
        public void destroy() {
            closers.forEach(Runnable::run);
        }
    }
}
