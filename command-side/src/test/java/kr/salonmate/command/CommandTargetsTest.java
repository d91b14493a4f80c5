package kr.salonmate.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.EditReply;
import kr.salonmate.messages.review.ReviewId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

/** The command's target is what Axon's own resolver finds, for every way a command can name it. */
class CommandTargetsTest {

    record ByRecordComponent(@TargetAggregateIdentifier UUID id, String text) {
    }

    record WithVersion(@TargetAggregateIdentifier ReviewId id, @TargetAggregateVersion Long version) {
    }

    record WithVersionAsText(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    static final class ByMethod {
        private final String id = "by-method";

        @TargetAggregateIdentifier
        String target() {
            return id;
        }
    }

    static final class ByPrivateField {
        @TargetAggregateIdentifier
        private final String id = "by-field";
    }

    record WithoutTarget(String text) {
    }

    record WithEmptyTarget(@TargetAggregateIdentifier String id) {
    }

    private final CommandTargets targets = new CommandTargets();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    @Test
    void findsWhatAxonsResolverFinds() {
        List<Object> commands = List.of(
                new ByRecordComponent(UUID.randomUUID(), "x"),
                new WithVersion(new ReviewId(UUID.randomUUID()), 7L),
                new WithVersion(new ReviewId(UUID.randomUUID()), null),
                new WithVersionAsText("text", "12"),
                new ByMethod(),
                new ByPrivateField(),
                new EditReply(new ReviewId(UUID.randomUUID()), "고맙습니다", Actor.system(), 3L));
        for (Object payload : commands) {
            for (int time = 0; time < 2; time++) { // the second time from what the first one found
                CommandMessage<?> command = GenericCommandMessage.asCommandMessage(payload);
                assertThat(targets.resolveTarget(command)).as(payload.toString())
                        .isEqualTo(axons.resolveTarget(command));
            }
        }
    }

    @Test
    void aCommandThatNamesNoAggregateIsRefusedAsAxonRefusesIt() {
        for (Object payload : List.of(new WithoutTarget("x"), new WithEmptyTarget(null))) {
            CommandMessage<?> command = GenericCommandMessage.asCommandMessage(payload);
            assertThatThrownBy(() -> targets.resolveTarget(command)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not identify the target aggregate");
            assertThatThrownBy(() -> axons.resolveTarget(command)).isInstanceOf(IllegalArgumentException.class);
        }
        CommandMessage<?> notANumber = GenericCommandMessage.asCommandMessage(new WithVersionAsText("id", "seven"));
        assertThatThrownBy(() -> targets.resolveTarget(notANumber)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }
}
