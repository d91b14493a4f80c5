package kr.salonmate.command;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The command side: the aggregates {@code Shop} and {@code Review} and the rules they keep. Axon finds the
 * aggregates through {@link org.axonframework.spring.stereotype.Aggregate}; the application composes this
 * module with the others and {@code salonmate.modules.command.enabled=false} leaves it out of a node.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties(kr.salonmate.command.billing.PlanSettings.class)
@ConditionalOnProperty(name = "salonmate.modules.command.enabled", matchIfMissing = true)
public class CommandSideModule {

    /** The time events are stamped with. Command handlers take it as a parameter so tests can fix it. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
