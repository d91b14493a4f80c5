package kr.salonmate.saga.google;

import javax.sql.DataSource;

import kr.salonmate.saga.SagaModuleEnabled;
import kr.salonmate.saga.credentials.CredentialVault;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Google client, the per-shop review access on top of it, and the review sync with its schedule. */
@Configuration(proxyBeanMethods = false)
@SagaModuleEnabled
public class GoogleConfiguration {

    @Bean
    GoogleBusinessClient googleBusinessClient(GoogleProperties properties) {
        return new GoogleBusinessClient(properties);
    }

    @Bean
    GoogleReviews googleReviews(GoogleBusinessClient client, CredentialVault vault) {
        return new GoogleReviews(client, vault);
    }

    @Bean
    ShopSyncLock shopSyncLock(DataSource dataSource) {
        return new PgAdvisoryShopSyncLock(dataSource);
    }

    @Bean
    ReviewSync reviewSync(GoogleReviews googleReviews, CommandGateway commandGateway, QueryGateway queryGateway,
                          ShopSyncLock shopSyncLock, SyncProperties properties) {
        return new ReviewSync(googleReviews, commandGateway, queryGateway, shopSyncLock, properties);
    }

    @Bean
    ReviewSyncScheduler reviewSyncScheduler(ReviewSync reviewSync, QueryGateway queryGateway,
                                            SyncProperties properties) {
        return new ReviewSyncScheduler(reviewSync, queryGateway, properties);
    }
}
