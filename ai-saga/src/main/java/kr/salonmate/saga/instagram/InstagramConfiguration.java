package kr.salonmate.saga.instagram;

import kr.salonmate.saga.SagaModuleEnabled;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@SagaModuleEnabled
public class InstagramConfiguration {

    @Bean
    InstagramGraphClient instagramGraphClient(InstagramProperties properties) {
        return new InstagramGraphClient(properties);
    }
}
