package kr.salonmate.api.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The parts of Axon's infrastructure that are ours to choose: a persistent deadline manager (db-scheduler on
 * PostgreSQL, so saga retries and scheduled work survive a restart and run on exactly one node), the token store
 * with this node's name, and the clock.
 */
@Configuration
public class AxonInfrastructure {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** This node's name: the owner of its token claims and its row in {@code cluster_node}. */
    @Bean
    NodeName nodeName(@Value("${salonmate.cluster.node-id:}") String configured) {
        return NodeName.of(configured);
    }

    /**
     * Axon's JPA token store, as its auto-configuration would build it, but with this node's {@link NodeName} as the
     * owner of its claims (Axon's default, {@code pid@host}, is the same for two nodes in one JVM or for two
     * containers that both run as pid 1 on the same host name).
     */
    @Bean
    TokenStore tokenStore(@Qualifier("serializer") Serializer serializer, EntityManagerProvider entityManagerProvider,
                          TokenStoreProperties properties, NodeName node) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(node.value())
                .build();
    }

    /**
     * The mapper of Axon's Jackson serializer (events, sagas, tokens, snapshots). Instants are written as
     * ISO-8601 text, so stored events read like the golden files in {@code messages} and like the API.
     */
    @Bean(name = "defaultAxonObjectMapper")
    com.fasterxml.jackson.databind.ObjectMapper defaultAxonObjectMapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    /**
     * db-scheduler polls {@code scheduled_tasks}; Axon's DbScheduler auto-configuration builds the
     * DeadlineManager on top of it and contributes the tasks that run deadlines. Deadlines due now run at once
     * on this node (immediate execution) instead of waiting for the next poll.
     */
    @Bean(destroyMethod = "stop")
    Scheduler dbScheduler(DataSource dataSource, @Lazy List<Task<?>> tasks,
                          @Value("${salonmate.deadlines.threads:8}") int threads,
                          @Value("${salonmate.deadlines.polling-interval:PT1S}") Duration pollingInterval) {
        return Scheduler.create(dataSource, tasks)
                .threads(threads)
                .pollingInterval(pollingInterval)
                .enableImmediateExecution()
                .registerShutdownHook()
                .build();
    }

    /** Axon builds the deadline manager without starting the scheduler: start it once everything is wired. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> dbSchedulerStarter(Scheduler dbScheduler) {
        return event -> dbScheduler.start();
    }
}
