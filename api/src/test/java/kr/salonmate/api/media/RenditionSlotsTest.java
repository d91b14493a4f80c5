package kr.salonmate.api.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import kr.salonmate.api.error.ServiceBusy;
import org.junit.jupiter.api.Test;

/** How many renditions run at once: a bounded wait for a slot, then 503 with a Retry-After. */
class RenditionSlotsTest {

    private final RenditionSlots slots = new RenditionSlots(new MediaProperties(null, null, null, null, 2,
            Duration.ofMillis(200)));

    @Test
    void whenEverySlotIsTakenTheNextUploadWaitsBrieflyThenIsTurnedAwayWithRetryAfter() {
        RenditionSlots.Slot first = slots.take();
        RenditionSlots.Slot second = slots.take();

        long started = System.nanoTime();
        assertThatThrownBy(slots::take).isInstanceOfSatisfying(ServiceBusy.class, busy -> {
            assertThat(busy.status().value()).isEqualTo(503);
            assertThat(busy.code()).isEqualTo("UPSTREAM_UNAVAILABLE");
            assertThat(busy.retryAfterSeconds()).isPositive();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for a slot first")
                .isGreaterThanOrEqualTo(Duration.ofMillis(150));

        first.close();
        first.close(); // closing twice gives back one slot, not two
        RenditionSlots.Slot third = slots.take();
        assertThatThrownBy(slots::take).isInstanceOf(ServiceBusy.class);
        second.close();
        third.close();
        slots.take().close();
    }
}
