package kr.salonmate.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.junit.jupiter.api.Test;

class MemoizedHandlerLookupTest {

    /** Handles strings of domain events only (a sequence number is there only), and integers of any event. */
    static class Handlers {
        final List<Object> seen = new ArrayList<>();

        @EventHandler
        void on(String text, @SequenceNumber long sequence) {
            seen.add(text + "#" + sequence);
        }

        @EventHandler
        void on(Integer number) {
            seen.add(number);
        }
    }

    static class NoReplay {
        @DisallowReplay
        @EventHandler
        void on(String text) {
        }
    }

    @Test
    void answersAsTheHandlersWouldByPayloadTypeAndMessageKindAndStillHandlesEachEvent() throws Exception {
        Handlers handlers = new Handlers();
        MemoizedHandlerLookup lookup = new MemoizedHandlerLookup(new AnnotationEventHandlerAdapter(handlers));

        for (int i = 0; i < 2; i++) { // the second time from memory: the same answers
            assertThat(lookup.canHandle(new GenericDomainEventMessage<>("Review", "r1", 3, "text"))).isTrue();
            assertThat(lookup.canHandle(new GenericEventMessage<>("text"))).as("no sequence number").isFalse();
            assertThat(lookup.canHandle(new GenericEventMessage<>(7))).isTrue();
            assertThat(lookup.canHandle(new GenericDomainEventMessage<>("Review", "r1", 4, 7L))).isFalse();
        }
        lookup.handle(new GenericDomainEventMessage<>("Review", "r1", 3, "a"));
        lookup.handle(new GenericDomainEventMessage<>("Review", "r1", 4, "b"));
        lookup.handle(new GenericEventMessage<>(7));

        assertThat(handlers.seen).containsExactly("a#3", "b#4", 7);
        assertThat(lookup.supportsReset()).isTrue();
        assertThat(lookup.getTargetType()).isEqualTo(Handlers.class);
        assertThat(new MemoizedHandlerLookup(new AnnotationEventHandlerAdapter(new NoReplay())).supportsReset())
                .isFalse();
    }
}
