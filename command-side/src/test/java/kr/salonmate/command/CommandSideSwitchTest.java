package kr.salonmate.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A node can leave the command side out; an application's own clock wins over the module's. */
class CommandSideSwitchTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(Snapshotter.class, () -> (type, id) -> { })
            .withUserConfiguration(CommandSideModule.class);

    @Test
    void theCommandSideIsOnUnlessSwitchedOff() {
        context.run(app -> assertThat(app)
                .hasSingleBean(CommandSideModule.class)
                .hasSingleBean(Clock.class)
                .hasBean("shopSnapshotTrigger")
                .hasBean("review")
                .hasBean("shop"));
    }

    @Test
    void aNodeCanRunWithoutTheCommandSide() {
        context.withPropertyValues("salonmate.modules.command.enabled=false")
               .run(app -> assertThat(app)
                       .doesNotHaveBean(CommandSideModule.class)
                       .doesNotHaveBean(Clock.class)
                       .doesNotHaveBean(SnapshotTriggerDefinition.class)
                       .doesNotHaveBean("review"));
    }

    @Test
    void anApplicationsOwnClockIsKept() {
        Clock fixed = Clock.fixed(Instant.parse("2026-11-27T03:15:00Z"), ZoneOffset.UTC);
        new ApplicationContextRunner()
                .withBean(Snapshotter.class, () -> (type, id) -> { })
                .withBean("fixedClock", Clock.class, () -> fixed)
                .withUserConfiguration(CommandSideModule.class)
                .run(app -> assertThat(app.getBean(Clock.class)).isSameAs(fixed));
    }
}
