package kr.salonmate.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import kr.salonmate.api.support.IntegrationTest;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's Hibernate reads no XML mappings (ADR 35: binding axon-postgres' {@code orm.xml} was a third of
 * its boot) and takes a sequence's increment from the database instead: the event entries' generator is still the
 * one {@code orm.xml} describes (ADR 6), {@code domain_event_entry_seq} one number at a time.
 */
class EventSequenceMappingTest extends IntegrationTest {

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Test
    void eventsTakeTheirGlobalIndexOneAtATimeWithoutTheXmlMapping() {
        SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        assertThat(sessionFactory.getProperties()).containsEntry("hibernate.xml_mapping_enabled", "false");

        SequenceStyleGenerator generator = (SequenceStyleGenerator) sessionFactory.getMappingMetamodel()
                .getEntityDescriptor(DomainEventEntry.class).getGenerator();

        assertThat(generator.getDatabaseStructure().getIncrementSize()).isEqualTo(1);
        assertThat(generator.getDatabaseStructure().getPhysicalName().getObjectName().getText())
                .isEqualTo("domain_event_entry_seq");
        assertThat(generator.getOptimizer().getIncrementSize()).isEqualTo(1);
    }
}
