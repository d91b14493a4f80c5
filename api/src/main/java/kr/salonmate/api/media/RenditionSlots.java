package kr.salonmate.api.media;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.salonmate.api.error.ServiceBusy;
import org.springframework.stereotype.Component;

/**
 * How many photos this node renders at once ({@code salonmate.media.rendition-concurrency}, 2). Each rendition
 * takes up to ~16 MB of decoded pixels and a core for a second or two; without a bound, a burst of large uploads
 * would take the heap and every core from the rest of the API. A request finding every slot taken waits
 * {@code salonmate.media.rendition-wait} (2 s) for one, then is answered 503 with a {@code Retry-After}.
 */
@Component
class RenditionSlots {

    /** What a client is told to wait before trying again. */
    static final long RETRY_AFTER_SECONDS = 2;

    private final Semaphore slots;
    private final MediaProperties properties;

    RenditionSlots(MediaProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.renditionConcurrency(), true);
    }

    /** A slot taken; closing it gives it back. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes a slot, waiting a little for one; 503 {@code UPSTREAM_UNAVAILABLE} when none frees up in time. */
    Slot take() {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(properties.renditionWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ServiceBusy("Too many photos are being processed right now; try again in a few seconds",
                    RETRY_AFTER_SECONDS, Map.of("concurrentRenditions", properties.renditionConcurrency()));
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        };
    }
}
