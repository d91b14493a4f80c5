package kr.salonmate.integration.google;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import kr.salonmate.integration.credentials.CredentialVault;
import kr.salonmate.saga.SagaModule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Google client, the per-shop review access on top of it, and the review sync with its schedule. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
public class GoogleConfiguration {

    @Bean
    GoogleBusinessClient googleBusinessClient(GoogleProperties properties) {
        return new GoogleBusinessClient(properties);
    }

    @Bean
    GoogleReviews googleReviews(GoogleBusinessClient client, CredentialVault vault,
                                ObjectProvider<MeterRegistry> meters) {
        return new GoogleReviews(client, vault, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    ShopSyncLock shopSyncLock(DataSource dataSource) {
        return new PgAdvisoryShopSyncLock(dataSource);
    }

    @Bean
    ReviewSync reviewSync(GoogleReviews googleReviews, CommandGateway commandGateway,
                          ObjectProvider<TransactionManager> transactionManager, QueryGateway queryGateway,
                          ShopSyncLock shopSyncLock, SyncProperties properties,
                          ObjectProvider<MeterRegistry> meters) {
        // without Axon's transaction manager (a module test's context) every command commits on its own
        return new ReviewSync(googleReviews, commandGateway, transactionManager.getIfAvailable(), queryGateway,
                shopSyncLock, properties, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    ReviewSyncScheduler reviewSyncScheduler(ReviewSync reviewSync, QueryGateway queryGateway,
                                            SyncProperties properties) {
        return new ReviewSyncScheduler(reviewSync, queryGateway, properties);
    }
}
