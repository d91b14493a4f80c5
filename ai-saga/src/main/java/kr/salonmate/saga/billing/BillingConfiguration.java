package kr.salonmate.saga.billing;

import kr.salonmate.integration.toss.Charging;
import kr.salonmate.integration.toss.TossPayments;
import kr.salonmate.integration.toss.TossProperties;
import kr.salonmate.saga.SagaModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
@EnableConfigurationProperties({TossProperties.class, BillingProperties.class})
public class BillingConfiguration {

    @Bean
    TossPayments tossPayments(TossProperties properties) {
        return new TossPayments(properties);
    }

    @Bean
    Charging charging(TossPayments toss) {
        return new Charging(toss);
    }
}
