package kr.salonmate.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.Base64;

import java.util.Map;

import javax.sql.DataSource;

import java.time.Instant;
import java.util.UUID;

import kr.salonmate.integration.credentials.CredentialCipher;
import kr.salonmate.integration.credentials.CredentialVault;
import kr.salonmate.integration.credentials.CryptoKeyProvider;
import kr.salonmate.integration.google.GoogleBusinessClient;
import kr.salonmate.integration.google.GoogleProperties;
import kr.salonmate.integration.google.ReviewSync;
import kr.salonmate.integration.google.ReviewSyncScheduler;
import kr.salonmate.integration.google.SyncProperties;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.saga.ai.AiProperties;
import kr.salonmate.saga.ai.BuiltInReplyDrafter;
import kr.salonmate.saga.ai.OpenAiReplyDrafter;
import kr.salonmate.saga.ai.ReplyDrafter;
import kr.salonmate.saga.common.DraftProperties;
import kr.salonmate.saga.review.AutoDraftPolicy;
import kr.salonmate.saga.review.AutoPublishPolicy;
import kr.salonmate.saga.review.DraftRetryDue;
import kr.salonmate.saga.review.PublishProperties;
import kr.salonmate.saga.review.PublishRetryDue;
import kr.salonmate.saga.review.ReplyDrafting;
import kr.salonmate.saga.review.ReplyPublishing;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.saga.metamodel.AnnotationSagaMetaModelFactory;
import org.axonframework.modelling.saga.metamodel.SagaModel;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.config.annotation.SpringBeanParameterResolverFactory;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The module's Spring wiring, with the application's beans (gateways, database) stubbed. */
class SagaModuleTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SagaModule.class)
            .withBean(CommandGateway.class, () -> mock(CommandGateway.class))
            .withBean(QueryGateway.class, () -> mock(QueryGateway.class))
            .withBean(EventStore.class, () -> mock(EventStore.class))
            .withBean(DataSource.class, () -> mock(DataSource.class))
            .withBean(JdbcTemplate.class, () -> new JdbcTemplate(mock(DataSource.class)))
            .withPropertyValues("salonmate.sync.enabled=false");

    @Test
    void theModuleBindsItsDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            GoogleProperties google = context.getBean(GoogleProperties.class);
            assertThat(google.apiBaseUrl()).isEqualTo("https://mybusiness.googleapis.com");
            assertThat(google.tokenUrl()).isEqualTo("https://oauth2.googleapis.com/token");
            assertThat(google.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(google.readTimeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(context.getBean(SyncProperties.class).interval()).isEqualTo(Duration.ofMinutes(10));
            assertThat(context.getBean(AiProperties.class)).isEqualTo(new AiProperties("gpt-4o", "gpt-4o-mini"));
            assertThat(context.getBean(PublishProperties.class)).isEqualTo(new PublishProperties(6, Duration.ofSeconds(10)));
            assertThat(context.getBean(DraftProperties.class).maxAttempts()).isEqualTo(3);
            assertThat(context).hasSingleBean(GoogleBusinessClient.class).hasSingleBean(CredentialVault.class)
                    .hasSingleBean(ReviewSync.class).hasSingleBean(ReviewSyncScheduler.class)
                    .hasSingleBean(AutoDraftPolicy.class).hasSingleBean(AutoPublishPolicy.class);
            assertThat(context.getBeanNamesForType(ReplyDrafting.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(ReplyPublishing.class)).hasSize(1);
            assertThat(context.getBean(ReviewSyncScheduler.class).isRunning()).isFalse();
        });
    }

    @Test
    void environmentVariablesMapOntoTheProperties() {
        Map<String, Object> environment = Map.of("SALONMATE_GOOGLE_TOKEN_URL", "http://fake/token",
                "SALONMATE_GOOGLE_API_BASE_URL", "http://fake/", "SALONMATE_SYNC_INTERVAL", "PT1M",
                "SALONMATE_AI_MODEL", "gpt-4.1", "SALONMATE_PUBLISH_MAX_ATTEMPTS", "2",
                "SALONMATE_PUBLISH_INITIAL_BACKOFF", "PT1S");
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                environment)))
                .run(context -> {
                    GoogleProperties google = context.getBean(GoogleProperties.class);
                    assertThat(google.tokenUrl()).isEqualTo("http://fake/token");
                    assertThat(google.apiBaseUrl()).isEqualTo("http://fake");
                    assertThat(context.getBean(SyncProperties.class).interval()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(context.getBean(AiProperties.class).model()).isEqualTo("gpt-4.1");
                    assertThat(context.getBean(PublishProperties.class))
                            .isEqualTo(new PublishProperties(2, Duration.ofSeconds(1)));
                });
    }

    @Test
    void withoutAnOpenAiKeyTheBuiltInDrafterIsTheOnlyDrafter() {
        runner.withBean(ChatModel.class, () -> mock(ChatModel.class)).run(context -> {
            assertThat(context).hasSingleBean(ReplyDrafter.class);
            assertThat(context.getBean(ReplyDrafter.class)).isInstanceOf(BuiltInReplyDrafter.class);
        });
    }

    @Test
    void withAnOpenAiKeyAndAChatModelTheOpenAiDrafterIsTheOnlyDrafter() {
        runner.withBean(ChatModel.class, () -> mock(ChatModel.class))
                .withPropertyValues("spring.ai.openai.api-key=sk-test")
                .run(context -> {
                    assertThat(context).hasSingleBean(ReplyDrafter.class);
                    assertThat(context.getBean(ReplyDrafter.class)).isInstanceOf(OpenAiReplyDrafter.class);
                });
    }

    @Test
    void theKeyComesFromTheApplicationsProviderOrTheProperty() {
        runner.withPropertyValues("salonmate.crypto.key=" + KEY).run(context ->
                assertThat(context.getBean(CredentialCipher.class).decrypt(new java.util.UUID(0, 1),
                        context.getBean(CredentialCipher.class).encrypt(new java.util.UUID(0, 1), "s"))).isEqualTo("s"));
        runner.withBean(CryptoKeyProvider.class, () -> CryptoKeyProvider.ofBase64(KEY)).run(context ->
                assertThat(context.getBean(CredentialCipher.class).encrypt(new java.util.UUID(0, 1), "s")).isNotEmpty());
    }

    @Test
    void aMalformedKeyStopsTheStart() {
        runner.withPropertyValues("salonmate.crypto.key=c2hvcnQ=").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theModuleCanBeSwitchedOffEvenWhenTheApplicationScansItsPackages() {
        new ApplicationContextRunner()
                .withUserConfiguration(ScansEverything.class)
                .withPropertyValues("salonmate.modules.saga.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(GoogleBusinessClient.class)
                            .doesNotHaveBean(AutoDraftPolicy.class).doesNotHaveBean(ReplyDrafter.class);
                    assertThat(context.getBeanNamesForType(ReplyPublishing.class)).isEmpty();
                });
    }

    @Test
    void theSagasHandlersGetTheirCollaboratorsFromSpring() {
        runner.withBean(DeadlineManager.class, () -> mock(DeadlineManager.class)).run(context -> {
            ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(
                    ClasspathParameterResolverFactory.forClass(ReplyPublishing.class),
                    new SpringBeanParameterResolverFactory(context));
            AnnotationSagaMetaModelFactory models = new AnnotationSagaMetaModelFactory(resolvers);
            ShopId shop = ShopId.random();
            ReviewId review = ReviewId.derive(shop, ReviewSource.GOOGLE, "g-1");

            SagaModel<ReplyPublishing> publishing = models.modelOf(ReplyPublishing.class);
            assertThat(publishing.hasHandlerMethod(GenericEventMessage.asEventMessage(new ReplyApproved(review, shop,
                    UUID.randomUUID(), ReviewSource.GOOGLE, "g-1", "t", Actor.system(), Instant.now())))).isTrue();
            assertThat(publishing.hasHandlerMethod(GenericDeadlineMessage.asDeadlineMessage("publish-retry",
                    new PublishRetryDue(2), Instant.now()))).isTrue();

            SagaModel<ReplyDrafting> drafting = models.modelOf(ReplyDrafting.class);
            assertThat(drafting.hasHandlerMethod(GenericEventMessage.asEventMessage(new ReplyDraftRequested(review,
                    shop, UUID.randomUUID(), null, Actor.system(), "a", 5, "c", "en", Instant.now())))).isTrue();
            assertThat(drafting.hasHandlerMethod(GenericDeadlineMessage.asDeadlineMessage("draft-retry",
                    new DraftRetryDue(2), Instant.now()))).isTrue();
        });
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan({"kr.salonmate.saga", "kr.salonmate.integration"})
    static class ScansEverything {
    }
}
