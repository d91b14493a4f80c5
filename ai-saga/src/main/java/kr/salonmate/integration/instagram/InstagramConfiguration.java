package kr.salonmate.integration.instagram;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kr.salonmate.saga.SagaModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
public class InstagramConfiguration {

    @Bean
    InstagramGraphClient instagramGraphClient(InstagramProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new InstagramGraphClient(properties, meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
