package kr.salonmate.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.privacy.SubjectKind;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReviewEditedAtSource;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.ReadAheadMessageSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Analytics reads its events with only the review texts opened (AnalyticsProjection#PERSONAL_DATA_READ): the
 * reviewer's name and the names of the people who approve replies stay sealed in the messages it handles, while
 * every other reader of the same events still reads them opened, and an erased text reads as erased.
 */
class OpeningOnlyWhatIsReadTest extends IntegrationTest {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private SubjectKeys keys;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("analyticsEventSource")
    private ReadAheadMessageSource analyticsEvents;

    @Test
    void analyticsOpensTheReviewTextsAndLeavesTheNamesSealedWhileOtherReadersOpenEverything() throws Exception {
        ShopId shop = ShopId.random();
        ReviewId review = ReviewId.derive(shop, ReviewSource.GOOGLE, "opening-" + UUID.randomUUID());
        ReviewId erased = ReviewId.derive(shop, ReviewSource.GOOGLE, "opening-erased-" + UUID.randomUUID());
        Actor manager = Actor.user(UUID.randomUUID(), "김매니저");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        append(review.toString(), MetaData.with("traceId", "trace-1"),
                new ReviewReceived(review, shop, ReviewSource.GOOGLE, "g-1", "홍길동", 5, "원장님 커트 최고예요", "ko",
                        at, at, at),
                new ReviewEditedAtSource(review, shop, 4, "커트는 좋았는데 조금 비싸요", "ko", 5, "원장님 커트 최고예요", at,
                        at),
                new ReplyApproved(review, shop, UUID.randomUUID(), ReviewSource.GOOGLE, "g-1", "감사합니다!", manager, at));
        append(erased.toString(), MetaData.emptyInstance(),
                new ReviewReceived(erased, shop, ReviewSource.GOOGLE, "g-2", "이몽룡", 1, "불친절했어요", "ko", at, at, at));
        keys.erase(SubjectKind.REVIEWER.subject(erased));
        int keysBefore = jdbc.queryForObject("SELECT count(*) FROM personal_data_key", Integer.class);

        List<TrackedEventMessage<?>> analytics = read(analyticsEvents.openStream(null), review, erased);
        List<TrackedEventMessage<?>> others = read(eventStore.openStream(null), review, erased);

        ReviewReceived received = (ReviewReceived) analytics.get(0).getPayload();
        assertThat(received.comment()).isEqualTo("원장님 커트 최고예요");
        assertThat(received.author()).startsWith("pd1:reviewer:" + review).doesNotContain("홍길동");
        assertThat(received.rating()).isEqualTo(5);
        assertThat(received.createdAt()).isEqualTo(at);
        ReviewEditedAtSource edited = (ReviewEditedAtSource) analytics.get(1).getPayload();
        assertThat(edited.comment()).isEqualTo("커트는 좋았는데 조금 비싸요");
        assertThat(edited.previousComment()).startsWith("pd1:reviewer:");
        ReplyApproved approved = (ReplyApproved) analytics.get(2).getPayload();
        assertThat(approved.approvedBy().name()).startsWith("pd1:user:" + manager.userId());
        assertThat(approved.approvedBy().userId()).isEqualTo(manager.userId());
        assertThat(approved.text()).isEqualTo("감사합니다!");
        assertThat(((ReviewReceived) analytics.get(3).getPayload()).comment()).isEqualTo(SubjectKind.ERASED_TEXT);

        // the same messages in every other respect
        for (int i = 0; i < others.size(); i++) {
            TrackedEventMessage<?> mine = analytics.get(i);
            TrackedEventMessage<?> theirs = others.get(i);
            assertThat(mine.getIdentifier()).isEqualTo(theirs.getIdentifier());
            assertThat(mine.trackingToken()).isEqualTo(theirs.trackingToken());
            assertThat(mine.getTimestamp()).isEqualTo(theirs.getTimestamp());
            assertThat(mine.getMetaData()).isEqualTo(theirs.getMetaData());
            assertThat(mine.getPayloadType()).isEqualTo(theirs.getPayloadType());
            assertThat(((DomainEventMessage<?>) mine).getSequenceNumber())
                    .isEqualTo(((DomainEventMessage<?>) theirs).getSequenceNumber());
            assertThat(((DomainEventMessage<?>) mine).getAggregateIdentifier())
                    .isEqualTo(((DomainEventMessage<?>) theirs).getAggregateIdentifier());
        }
        assertThat(analytics.get(0).getMetaData()).containsEntry("traceId", "trace-1");
        // every other reader opens everything
        assertThat(((ReviewReceived) others.get(0).getPayload()).author()).isEqualTo("홍길동");
        assertThat(((ReviewEditedAtSource) others.get(1).getPayload()).previousComment()).isEqualTo("원장님 커트 최고예요");
        assertThat(((ReplyApproved) others.get(2).getPayload()).approvedBy()).isEqualTo(manager);
        assertThat(((ReviewReceived) others.get(3).getPayload()).author()).isEqualTo(SubjectKind.ERASED_AUTHOR);
        // reading made no key
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key", Integer.class)).isEqualTo(keysBefore);
    }

    private void append(String aggregate, MetaData metaData, Object... payloads) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> {
            for (int i = 0; i < payloads.length; i++) {
                eventStore.publish(new GenericDomainEventMessage<>("Review", aggregate, i, payloads[i], metaData));
            }
        });
    }

    /** The events of the two reviews, in order, from the start of the stream. */
    private static List<TrackedEventMessage<?>> read(BlockingStream<TrackedEventMessage<?>> stream, ReviewId review,
                                                     ReviewId erased) throws InterruptedException {
        List<TrackedEventMessage<?>> found = new ArrayList<>();
        try (stream) {
            while (found.size() < 4 && stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
                if (aggregate.equals(review.toString()) || aggregate.equals(erased.toString())) {
                    found.add(event);
                }
            }
        }
        assertThat(found).hasSize(4);
        return found;
    }
}
