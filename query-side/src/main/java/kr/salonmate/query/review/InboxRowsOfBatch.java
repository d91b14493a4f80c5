package kr.salonmate.query.review;

import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The inbox rows of a batch's reviews, read in one query on the batch's first look-up instead of one
 * {@code SELECT} per event: a sync delivers its reviews fifty to a page, and a look-up per {@code ReviewReceived}
 * (to see whether the row is there already) was most of what the projection cost (docs/benchmarks.md). The rows
 * found stay in the batch's persistence context, so the events' own look-ups read them from there; the ones not
 * found are remembered as absent until the projection makes them, so a new review costs its {@code INSERT} alone.
 *
 * <p>Outside a batch of Axon's (a dead letter's retry, a direct call) every look-up is a plain {@code find}.
 */
final class InboxRowsOfBatch {

    private static final String ABSENT = InboxRowsOfBatch.class.getName() + ".absent";
    /** The aggregate type Axon stores a review's events under (the command side's {@code Review}). */
    private static final String REVIEW_AGGREGATE = "Review";

    private final EntityManager entities;

    InboxRowsOfBatch(EntityManager entities) {
        this.entities = entities;
    }

    /** The review's row, or null when the inbox has not received it. */
    ReviewRow find(UUID reviewId) {
        Set<UUID> absent = absentInBatch();
        if (absent != null && absent.contains(reviewId)) {
            return null;
        }
        return entities.find(ReviewRow.class, reviewId);
    }

    /** Stores a row the inbox did not have. */
    void add(ReviewRow row) {
        entities.persist(row);
        Set<UUID> absent = absentInBatch();
        if (absent != null) {
            absent.remove(row.getId());
        }
    }

    private Set<UUID> absentInBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch instanceof BatchingUnitOfWork<?> events
                ? batch.getOrComputeResource(ABSENT, key -> readAhead(events))
                : null;
    }

    /** Loads the rows of every review the batch's events belong to; answers the ones the inbox does not have. */
    private Set<UUID> readAhead(BatchingUnitOfWork<?> batch) {
        Set<UUID> reviews = new HashSet<>();
        for (Object message : batch.getMessages()) {
            if (message instanceof DomainEventMessage<?> event && REVIEW_AGGREGATE.equals(event.getType())) {
                reviews.add(UUID.fromString(event.getAggregateIdentifier()));
            }
        }
        if (reviews.size() < 2) {
            return new HashSet<>(); // a single look-up is the event's own find
        }
        entities.createQuery("SELECT r FROM ReviewRow r WHERE r.id IN :ids", ReviewRow.class)
                .setParameter("ids", reviews)
                .getResultList()
                .forEach(row -> reviews.remove(row.getId()));
        return reviews;
    }
}
