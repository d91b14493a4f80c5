package kr.salonmate.integration.instagram;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kr.salonmate.saga.SagaModuleEnabled;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@SagaModuleEnabled
public class InstagramConfiguration {

    @Bean
    InstagramGraphClient instagramGraphClient(InstagramProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new InstagramGraphClient(properties, meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
