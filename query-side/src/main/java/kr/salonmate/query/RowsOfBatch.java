package kr.salonmate.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A projection's rows of one aggregate type, looked up by the aggregate's id: the rows of every aggregate a batch's
 * events belong to are read in one query on the batch's first look-up, instead of one {@code SELECT} per event. A
 * sync delivers its reviews fifty to a page, and a look-up per {@code ReviewReceived} (to see whether the row is
 * there already) was most of what the inbox and the dashboard cost (docs/benchmarks.md). The rows found stay in the
 * batch's persistence context, so the events' own look-ups read them from there; the ones not found are remembered
 * as absent until the projection adds them, so a new row costs its {@code INSERT} alone (sent fifty at a time,
 * {@code hibernate.jdbc.batch_size}).
 *
 * <p>Outside a batch of Axon's (a dead letter's retry, a direct call) every look-up is a plain {@code find}.
 *
 * @param <R> the row, whose id is its aggregate's id
 */
public final class RowsOfBatch<R extends ReadModelRow> {

    private final EntityManager entities;
    private final Class<R> type;
    private final String aggregateType;
    private final String absentKey;
    private volatile String readAhead;

    /**
     * @param aggregateType the type Axon stores the aggregate's events under (the command side's class name, e.g.
     *                      {@code Review})
     */
    public RowsOfBatch(EntityManager entities, Class<R> type, String aggregateType) {
        this.entities = entities;
        this.type = type;
        this.aggregateType = aggregateType;
        this.absentKey = RowsOfBatch.class.getName() + "." + type.getName() + ".absent";
    }

    /** The aggregate's row, or null when the projection has not made it. */
    public R find(UUID id) {
        Set<UUID> absent = absentInBatch();
        if (absent != null && absent.contains(id)) {
            return null;
        }
        return entities.find(type, id);
    }

    /** Stores a row the projection did not have. */
    public void add(R row) {
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
                ? batch.getOrComputeResource(absentKey, key -> readAhead(events))
                : null;
    }

    /** Loads the rows of every aggregate the batch's events belong to; answers the ids that have none. */
    private Set<UUID> readAhead(BatchingUnitOfWork<?> batch) {
        Set<UUID> ids = new HashSet<>();
        for (Object message : batch.getMessages()) {
            if (message instanceof DomainEventMessage<?> event && aggregateType.equals(event.getType())) {
                ids.add(UUID.fromString(event.getAggregateIdentifier()));
            }
        }
        if (ids.size() < 2) {
            return new HashSet<>(); // a single look-up is the event's own find
        }
        entities.createQuery(readAheadQuery(), type)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> ids.remove(row.getId()));
        return ids;
    }

    private String readAheadQuery() {
        if (readAhead == null) {
            EntityType<R> entity = entities.getMetamodel().entity(type);
            readAhead = "SELECT r FROM " + entity.getName() + " r WHERE r." + entity.getId(UUID.class).getName()
                    + " IN :ids";
        }
        return readAhead;
    }
}
