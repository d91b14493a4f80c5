package kr.salonmate.api.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.salonmate.api.config.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Cleans up after uploads nobody needs: an upload whose object never completed (the request failed halfway, the
 * node died) after an hour, and a stored photo that no post took after {@code salonmate.media.unattached-ttl}
 * (24 h). The row goes first, and only while no post uses the photo, so a photo a post took is never deleted under
 * it (at worst an object outlives its row, a harmless leak). Runs every
 * {@code salonmate.media.cleanup-interval}; with several nodes each may run it, which is harmless.
 */
@Component
public class MediaJanitor implements SmartLifecycle {

    static final Duration UNSTORED_GRACE = Duration.ofHours(1);
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(MediaJanitor.class);

    private final MediaStore store;
    private final MediaStorage storage;
    private final MediaProperties properties;
    private final Clock clock;
    private final PeriodicTask task;

    public MediaJanitor(MediaStore store, MediaStorage storage, MediaProperties properties, Clock clock) {
        this.store = store;
        this.storage = storage;
        this.properties = properties;
        this.clock = clock;
        this.task = new PeriodicTask("media-janitor", properties.cleanupInterval(), properties.cleanupInterval(),
                this::cleanUp);
    }

    /** One cleanup pass; returns how many photos were removed. */
    public int cleanUp() {
        Instant now = clock.instant();
        List<MediaStore.Media> abandoned = store.abandoned(now.minus(UNSTORED_GRACE),
                now.minus(properties.unattachedTtl()), BATCH);
        int removed = 0;
        for (MediaStore.Media media : abandoned) {
            try {
                if (store.deleteIfUnattached(media.id())) {
                    storage.delete(media.storageKey());
                    removed++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not clean up photo {}: {}", media.id(), e.toString());
            }
        }
        if (removed > 0) {
            log.info("Removed {} photos no post uses", removed);
        }
        return removed;
    }

    @Override
    public void start() {
        task.start();
    }

    @Override
    public void stop() {
        task.stop();
    }

    @Override
    public boolean isRunning() {
        return task.isRunning();
    }
}
