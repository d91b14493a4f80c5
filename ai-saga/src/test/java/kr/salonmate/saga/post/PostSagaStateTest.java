package kr.salonmate.saga.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import kr.salonmate.integration.credentials.CredentialVault;
import kr.salonmate.integration.instagram.ContainerStatus;
import kr.salonmate.integration.instagram.InstagramGraphClient;
import kr.salonmate.integration.instagram.InstagramProperties;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.post.InstagramContainerCreated;
import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.post.PostPublishingStarted;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * A publication waiting between steps survives a restart: its state, stored with Axon's Jackson serializer as the
 * saga store does, comes back whole — the container id above all, so the next step asks Instagram about it first.
 * The access token is never part of it.
 */
class PostSagaStateTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void aPublicationPollingItsContainerIsStoredAndRestoredWholeWithoutTheToken() {
        ShopId shop = ShopId.random();
        PostId post = PostId.random();
        UUID publication = UUID.randomUUID();
        QueryGateway queries = mock(QueryGateway.class);
        doReturn(CompletableFuture.completedFuture(new ShopView(shop, "살롱", "Asia/Seoul", "ko", UUID.randomUUID(),
                ReplySettings.defaults(), null, "FREE", null,
                new ShopView.InstagramConnection("1784", "cred", Instant.now())))).when(queries)
                .query(any(FindShop.class), any(ResponseType.class));
        CredentialVault vault = mock(CredentialVault.class);
        when(vault.reveal("cred")).thenReturn("IGQVJ-secret-token");
        InstagramGraphClient instagram = mock(InstagramGraphClient.class);
        when(instagram.containerStatus("c-9", "IGQVJ-secret-token")).thenReturn(ContainerStatus.IN_PROGRESS);
        DeadlineManager deadlines = mock(DeadlineManager.class);
        doReturn("step-1").when(deadlines).schedule(any(Duration.class), any(String.class), any());
        InstagramProperties settings = InstagramProperties.of("http://ig", Duration.ofSeconds(10),
                Duration.ofSeconds(5), 30);

        PostPublishing saga = new PostPublishing();
        new TestSagaScope().run(() -> {
            saga.on(new PostPublishingStarted(post, shop, publication, List.of(UUID.randomUUID()), "캡션",
                    List.of("살롱"), Actor.system(), Instant.now()), queries, instagram, vault,
                    mock(CommandGateway.class), deadlines, settings);
            saga.on(new InstagramContainerCreated(post, shop, publication, "c-9", Instant.now()), queries, instagram,
                    vault, mock(CommandGateway.class), deadlines, settings);
        });

        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        String json = new String(stored.getData());
        assertThat(json).doesNotContain("IGQVJ-secret-token").doesNotContain("\"log\"");
        PostPublishing restored = serializer.deserialize(stored);
        assertThat(restored).usingRecursiveComparison().isEqualTo(saga);
        assertThat(restored).hasFieldOrPropertyWithValue("containerId", "c-9")
                .hasFieldOrPropertyWithValue("polls", 1)
                .hasFieldOrPropertyWithValue("stepScheduleId", "step-1")
                .hasFieldOrPropertyWithValue("caption", "캡션\n\n#살롱");
    }

    @Test
    void deadlinePayloadsAreSerializable() {
        UUID publication = UUID.randomUUID();
        assertThat((PostDue) serializer.deserialize(serializer.serialize(new PostDue(publication), byte[].class)))
                .isEqualTo(new PostDue(publication));
        assertThat((PublishStepDue) serializer.deserialize(serializer.serialize(new PublishStepDue(2, 3),
                byte[].class))).isEqualTo(new PublishStepDue(2, 3));
        assertThat((CaptionRetryDue) serializer.deserialize(serializer.serialize(new CaptionRetryDue(2),
                byte[].class))).isEqualTo(new CaptionRetryDue(2));
    }

    /** Runs handlers inside a saga scope, as the saga manager would (for SagaLifecycle.associateWith). */
    private static final class TestSagaScope extends org.axonframework.modelling.saga.SagaLifecycle {
        private final org.axonframework.modelling.saga.AssociationValuesImpl associations =
                new org.axonframework.modelling.saga.AssociationValuesImpl();

        void run(Runnable handler) {
            execute(handler);
        }

        @Override
        protected void doEnd() {
        }

        @Override
        protected void doRemoveAssociation(org.axonframework.modelling.saga.AssociationValue value) {
            associations.remove(value);
        }

        @Override
        protected void doAssociateWith(org.axonframework.modelling.saga.AssociationValue value) {
            associations.add(value);
        }

        @Override
        protected org.axonframework.modelling.saga.AssociationValues getAssociationValues() {
            return associations;
        }

        @Override
        protected String type() {
            return "test";
        }

        @Override
        protected String getSagaIdentifier() {
            return "saga-1";
        }
    }
}
