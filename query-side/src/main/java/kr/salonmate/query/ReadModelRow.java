package kr.salonmate.query;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * A read-model row kept by one aggregate's events. {@code version} is the sequence number of the last event
 * applied, so a redelivered event (replay overlap, retry) is recognised and skipped; it is not JPA's optimistic
 * lock. A row made by a creating event says it is new, so Spring Data inserts it without first selecting it
 * ({@link Persistable}); once stored or loaded it is not new any more.
 */
@MappedSuperclass
public abstract class ReadModelRow implements Persistable<UUID> {

    @Column(name = "version", nullable = false)
    private long version;

    @Transient
    private boolean fresh;

    /** This row is not in its table yet and holds the event with this sequence number. */
    protected void markNew(long sequence) {
        fresh = true;
        version = sequence;
    }

    /** Whether the event with this sequence number has been applied already (redelivery, replay overlap). */
    public boolean hasSeen(long sequence) {
        return sequence <= version;
    }

    public void advanceTo(long sequence) {
        version = sequence;
    }

    protected long version() {
        return version;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostPersist
    @PostLoad
    void markStored() {
        fresh = false;
    }
}
