package kr.salonmate.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kr.salonmate.command.review.NothingToApprove;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.ApproveReply;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ChangeReplySettings;
import kr.salonmate.messages.shop.RecordReviewSync;
import kr.salonmate.messages.shop.RegisterShop;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReplyTone;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The module as the application runs it: Axon's Spring Boot configuration, an in-memory event store. */
@SpringBootTest(classes = CommandSideModuleTest.App.class, properties = {
        "axon.axonserver.enabled=false", "axoniq.update-checker.disabled=true", "axon.serializer.general=jackson"})
class CommandSideModuleTest {

    /** Not a @Configuration on purpose: the module's component scan must not pick it up. */
    @EnableAutoConfiguration
    @Import(CommandSideModule.class)
    static class App {
        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }
    }

    private static final Actor OWNER = Actor.user(UUID.randomUUID(), "최원장");

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private org.axonframework.config.Configuration axon;

    @Test
    void theAggregatesFindTheirTargetThroughTheModulesResolver() {
        // Axon's aggregate configuration asks its configuration for this component (AggregateConfigurer)
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(CommandTargets.class);
    }

    @Test
    void aggregatesAreMadeByTheirConstructorsNotAsSpringPrototypeBeans() throws Exception {
        for (String type : List.of("review.Review", "post.Post", "billing.Billing", "shop.Shop")) {
            Class<?> aggregate = Class.forName("kr.salonmate.command." + type);
            assertThat(axon.repository(aggregate)).isInstanceOfSatisfying(EventSourcingRepository.class, repository ->
                    assertThat(repository.getAggregateFactory()).as(type).isInstanceOf(AggregateInstances.class));
        }
    }

    @Test
    void aShopWithManySyncRunsIsLoadedFromASnapshotWithItsSettingsIntact() {
        ShopId shop = ShopId.random();
        commands.sendAndWait(new RegisterShop(shop, "헤어살롱 미소", "Asia/Seoul", "ko", OWNER));
        for (int run = 0; run < 105; run++) {
            commands.sendAndWait(new RecordReviewSync(shop, run));
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(eventStore.readEvents(shop.toString()).peek().getPayloadType().getSimpleName())
                        .isEqualTo("Shop"));

        long before = eventStore.lastSequenceNumberFor(shop.toString()).orElseThrow();
        commands.sendAndWait(new ChangeReplySettings(shop, ReplySettings.defaults(), OWNER));
        assertThat(eventStore.lastSequenceNumberFor(shop.toString())).contains(before);
        commands.sendAndWait(new ChangeReplySettings(shop,
                new ReplySettings(ReplyTone.FORMAL, "en", null, true, null, false), OWNER));
        assertThat(eventStore.lastSequenceNumberFor(shop.toString())).contains(before + 1);
    }

    @Test
    void aReviewSyncedTwiceIsOneReviewStampedWithTheApplicationsClock() {
        ShopId shop = ShopId.random();
        ReviewId review = ReviewId.derive(shop, ReviewSource.GOOGLE, "g-1");
        SyncReview sync = new SyncReview(review, shop, ReviewSource.GOOGLE, "g-1", "이서연", 5, "좋아요", "ko",
                Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:00:00Z"), null);
        Instant before = Instant.now();

        commands.sendAndWait(sync);
        commands.sendAndWait(sync);

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(review.toString()).asStream().toList();
        assertThat(events).hasSize(1);
        ReviewReceived received = (ReviewReceived) events.get(0).getPayload();
        assertThat(received.receivedAt()).isBetween(before, Instant.now());
    }

    @Test
    void aBrokenRuleReachesTheSenderAsItself() {
        ShopId shop = ShopId.random();
        ReviewId review = ReviewId.derive(shop, ReviewSource.NAVER, "n-1");
        commands.sendAndWait(new SyncReview(review, shop, ReviewSource.NAVER, "n-1", "김민지", 3, null, "ko",
                Instant.parse("2026-11-26T10:00:00Z"), null, null));

        assertThatThrownBy(() -> commands.sendAndWait(new ApproveReply(review, null, OWNER, null)))
                .isInstanceOf(NothingToApprove.class);
    }
}
