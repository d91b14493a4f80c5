package kr.salonmate.api.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The parts of Axon's infrastructure that are ours to choose: a persistent deadline manager (db-scheduler on
 * PostgreSQL, so saga retries and scheduled work survive a restart and run on exactly one node) and the clock.
 */
@Configuration
public class AxonInfrastructure {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
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
