package kr.salonmate.saga.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import kr.salonmate.integration.google.GoogleReviews;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.saga.ai.ReplyDrafter;
import kr.salonmate.saga.common.DraftProperties;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Saga state survives a restart: stored with Axon's Jackson serializer (as the saga store does) and read back, a
 * saga waiting for a retry has everything it needs. Deadline payloads too.
 */
class SagaStateSerializationTest {

    private static final ShopId SHOP = ShopId.random();
    private static final ReviewId REVIEW = ReviewId.derive(SHOP, ReviewSource.GOOGLE, "g-1");
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void aPublishingSagaWaitingForARetryIsStoredAndRestoredWhole() {
        ReplyPublishing saga = new ReplyPublishing();
        QueryGateway queries = mock(QueryGateway.class);
        doReturn(CompletableFuture.failedFuture(new IllegalStateException("read side down")))
                .when(queries).query(any(FindShop.class), any(ResponseType.class));
        DeadlineManager deadlines = mock(DeadlineManager.class);
        doReturn("schedule-1").when(deadlines).schedule(any(Duration.class), any(String.class), any());
        withinSaga(() -> saga.on(new ReplyApproved(REVIEW, SHOP, UUID.randomUUID(), ReviewSource.GOOGLE, "g-1",
                "감사합니다 😊", Actor.system(), Instant.now()), queries, mock(GoogleReviews.class),
                mock(CommandGateway.class), deadlines, new PublishProperties(6, Duration.ofSeconds(10))));

        ReplyPublishing restored = roundTrip(saga, ReplyPublishing.class);

        assertThat(restored).usingRecursiveComparison().isEqualTo(saga);
        assertThat(restored).hasFieldOrPropertyWithValue("attempts", 1)
                .hasFieldOrPropertyWithValue("retryScheduleId", "schedule-1")
                .hasFieldOrPropertyWithValue("text", "감사합니다 😊")
                .hasFieldOrPropertyWithValue("reviewId", REVIEW);
    }

    @Test
    void aDraftingSagaWaitingForARetryIsStoredAndRestoredWhole() {
        ReplyDrafting saga = new ReplyDrafting();
        QueryGateway queries = mock(QueryGateway.class);
        doReturn(CompletableFuture.completedFuture(null)).when(queries).query(any(FindShop.class), any(ResponseType.class));
        DeadlineManager deadlines = mock(DeadlineManager.class);
        doReturn("schedule-2").when(deadlines).schedule(any(Duration.class), any(String.class), any());
        withinSaga(() -> saga.on(new ReplyDraftRequested(REVIEW, SHOP, UUID.randomUUID(), "짧게", Actor.system(),
                "김민지", 4, "좋아요", "ko", Instant.now()), mock(ReplyDrafter.class), queries,
                mock(CommandGateway.class), deadlines, new DraftProperties(3, Duration.ofSeconds(20), null)));

        ReplyDrafting restored = roundTrip(saga, ReplyDrafting.class);

        assertThat(restored).usingRecursiveComparison().isEqualTo(saga);
        assertThat(restored).hasFieldOrPropertyWithValue("instruction", "짧게")
                .hasFieldOrPropertyWithValue("retryScheduleId", "schedule-2");
    }

    @Test
    void deadlinePayloadsAreSerializable() {
        assertThat(roundTrip(new PublishRetryDue(3), PublishRetryDue.class)).isEqualTo(new PublishRetryDue(3));
        assertThat(roundTrip(new DraftRetryDue(2), DraftRetryDue.class)).isEqualTo(new DraftRetryDue(2));
    }

    private <T> T roundTrip(T value, Class<T> type) {
        SerializedObject<byte[]> serialized = serializer.serialize(value, byte[].class);
        assertThat(new String(serialized.getData())).doesNotContain("\"log\"");
        return type.cast(serializer.deserialize(serialized));
    }

    /** Runs a handler inside a saga scope, as the saga manager would (for SagaLifecycle.associateWith). */
    private static void withinSaga(Runnable handler) {
        new TestSagaScope().run(handler);
    }

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
