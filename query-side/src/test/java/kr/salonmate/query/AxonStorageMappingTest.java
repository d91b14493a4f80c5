package kr.salonmate.query;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import kr.salonmate.query.support.ProjectionTest;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mapping of Axon's tables comes from {@code axon-postgres}, not from a copy: its {@code orm.xml} gives the
 * event sequence an allocation size of 1 (ADR 6, ADR 28).
 */
class AxonStorageMappingTest extends ProjectionTest {

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Test
    void eventsTakeTheirGlobalIndexOneAtATime() {
        SequenceStyleGenerator generator = (SequenceStyleGenerator) entityManagerFactory
                .unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(DomainEventEntry.class).getGenerator();

        assertThat(generator.getDatabaseStructure().getIncrementSize()).isEqualTo(1);
        assertThat(generator.getDatabaseStructure().getPhysicalName().getObjectName().getText())
                .isEqualTo("domain_event_entry_seq");
    }
}
