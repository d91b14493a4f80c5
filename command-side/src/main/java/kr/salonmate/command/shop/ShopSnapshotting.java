package kr.salonmate.command.shop;

import kr.salonmate.command.CommandSideModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every sync run appends a {@code ReviewsSynced} to its shop, so a shop's stream keeps growing: it is loaded
 * from a snapshot once it has {@value #EVENTS_BETWEEN_SNAPSHOTS} events past the last one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = CommandSideModule.ENABLED_PROPERTY, matchIfMissing = true)
class ShopSnapshotting {

    static final String TRIGGER = "shopSnapshotTrigger";
    static final int EVENTS_BETWEEN_SNAPSHOTS = 100;

    @Bean(TRIGGER)
    SnapshotTriggerDefinition shopSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }
}
