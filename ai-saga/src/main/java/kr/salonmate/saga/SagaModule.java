package kr.salonmate.saga;

import kr.salonmate.integration.google.GoogleProperties;
import kr.salonmate.integration.google.SyncProperties;
import kr.salonmate.integration.instagram.InstagramProperties;
import kr.salonmate.saga.ai.AiProperties;
import kr.salonmate.saga.common.DraftProperties;
import kr.salonmate.saga.review.PublishProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The ai-saga module, in two package roots (ADR 0027). {@code kr.salonmate.saga}: the reply drafting and publishing
 * sagas, the auto-draft/auto-publish policies, the model port, the caption drafting and post publishing sagas and
 * the subscription renewal. {@code kr.salonmate.integration}: the Google Business Profile client with review sync,
 * the Instagram Graph client, Toss, the credential vault, and {@code ShopConnections}, the application's one way
 * to connect them.
 *
 * <p>It needs from the application: Axon's {@code CommandGateway}, {@code QueryGateway} and a persistent
 * {@code DeadlineManager}; a {@code JdbcTemplate}/{@code DataSource} on PostgreSQL (credential table, advisory
 * locks); the encryption key ({@code salonmate.crypto.key} or a {@link kr.salonmate.integration.credentials.CryptoKeyProvider}
 * bean); optionally a Spring AI {@code ChatModel} (then replies are drafted by OpenAI, else by the built-in drafter);
 * and an answer to {@code SignMediaUrls} (the application that stores the photos).
 *
 * <p>{@value #ENABLED_PROPERTY}{@code =false} leaves the module out of a node. Every bean of this module (components,
 * sagas, configurations) carries the same condition, so the switch holds even when an application scans
 * {@code kr.salonmate} itself instead of importing this class.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
@ComponentScan({"kr.salonmate.saga", "kr.salonmate.integration"})
@EnableConfigurationProperties({GoogleProperties.class, SyncProperties.class, AiProperties.class,
        PublishProperties.class, DraftProperties.class, InstagramProperties.class})
public class SagaModule {

    public static final String ENABLED_PROPERTY = "salonmate.modules.saga.enabled";
}
