package kr.salonmate.command;

import java.time.Clock;

import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The command side: the aggregates {@code Shop}, {@code Review}, {@code Post} and {@code Billing} and the rules
 * they keep. Axon finds the aggregates through {@link org.axonframework.spring.stereotype.Aggregate}; the
 * application composes this module with the others and {@value #ENABLED_PROPERTY}{@code =false} leaves it out of
 * a node. Every bean of this module carries the same condition, as in the other modules.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties(kr.salonmate.command.billing.PlanSettings.class)
@ConditionalOnBooleanProperty(name = CommandSideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class CommandSideModule {

    public static final String ENABLED_PROPERTY = "salonmate.modules.command.enabled";

    /** The time events are stamped with. Command handlers take it as a parameter so tests can fix it. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Which aggregate a command is for, by Axon's annotations, read with members found once per class. */
    @Bean
    @ConditionalOnMissingBean
    public CommandTargetResolver commandTargetResolver() {
        return new CommandTargets();
    }
}
