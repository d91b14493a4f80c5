package kr.salonmate.command.billing;

import kr.salonmate.command.CommandSideModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every AI generation appends an {@code AiGenerationUsed} to the shop's billing, so its stream grows by thousands of
 * events a month for a busy shop, and the auto-draft policy loads it for every batch of drafts: it is loaded from a
 * snapshot once it has {@value #EVENTS_BETWEEN_SNAPSHOTS} events past the last one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = CommandSideModule.ENABLED_PROPERTY, matchIfMissing = true)
class BillingSnapshotting {

    static final String TRIGGER = "billingSnapshotTrigger";
    static final int EVENTS_BETWEEN_SNAPSHOTS = 100;

    @Bean(TRIGGER)
    SnapshotTriggerDefinition billingSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }
}
