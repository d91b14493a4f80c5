package kr.salonmate.query.review;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import kr.salonmate.messages.review.FindReviewAsOf;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A review as it stood at any instant: its events up to then, read from the event store, applied to a fresh
 * {@link ReviewRow} in memory by the very methods the inbox projection uses — so the answer is the row the live
 * inbox held at that moment, and a change to the inbox's rules changes both alike. Nothing is written. "At that
 * moment" is the event's own time, the one its audit entry shows.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class ReviewTimeTravel {

    private final EventStore eventStore;

    ReviewTimeTravel(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public Optional<ReviewView> handle(FindReviewAsOf query) {
        // from sequence 0, not from a snapshot: a snapshot is the aggregate's state, not the inbox's
        DomainEventStream events = eventStore.readEvents(query.reviewId().toString(), 0L);
        ReviewRow row = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            Object payload = event.getPayload();
            // rounded to the microsecond, as PostgreSQL keeps the audit trail's instants
            if (micros(occurredAt(event)).isAfter(query.asOf())) {
                break; // a review's events are recorded in the order they happened
            }
            if (row == null) {
                if (!(payload instanceof ReviewReceived received)) {
                    continue;
                }
                if (!received.shopId().equals(query.shopId())) {
                    return Optional.empty();
                }
                row = ReviewRow.received(received, event.getSequenceNumber());
            } else if (row.apply(payload)) {
                row.advanceTo(event.getSequenceNumber());
            }
        }
        return Optional.ofNullable(row).map(ReviewRow::toView).map(ReviewTimeTravel::asStored);
    }

    /** The view with its instants to the microsecond, as the inbox's table (PostgreSQL) keeps and serves them. */
    static ReviewView asStored(ReviewView v) {
        ReviewView.Reply r = v.reply();
        ReviewView.Reply reply = r == null ? null : new ReviewView.Reply(r.text(), r.origin(), r.model(),
                micros(r.draftedAt()), r.approvedBy(), micros(r.approvedAt()), micros(r.publishedAt()),
                r.failure() == null ? null : new ReviewView.Failure(r.failure().code(), r.failure().message(),
                        micros(r.failure().at()), r.failure().attempts()), r.manual(), r.autoPublishHold());
        return new ReviewView(v.id(), v.shopId(), v.source(), v.externalId(), v.author(), v.rating(), v.comment(),
                v.language(), micros(v.createdAt()), micros(v.updatedAt()), v.status(), reply, v.version());
    }

    static Instant micros(Instant instant) {
        return instant == null ? null : instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * When the event happened, as the audit trail shows it (its {@code receivedAt} or {@code at}), so that asking
     * for the moment of an audit entry includes that entry's change; the message's own timestamp (taken a moment
     * later, when it was applied) for an event without one.
     */
    static Instant occurredAt(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof ReviewReceived received) {
            return received.receivedAt();
        }
        if (payload instanceof Record) {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                if ("at".equals(component.getName()) && component.getType() == Instant.class) {
                    try {
                        Instant at = (Instant) component.getAccessor().invoke(payload);
                        if (at != null) {
                            return at;
                        }
                    } catch (ReflectiveOperationException e) {
                        break;
                    }
                }
            }
        }
        return event.getTimestamp();
    }
}
