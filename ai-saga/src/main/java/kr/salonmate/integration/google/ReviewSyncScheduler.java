package kr.salonmate.integration.google;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.shop.ShopLookup;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every {@code salonmate.sync.interval}, queues a sync of every Google-connected shop. Off with
 * {@code salonmate.sync.enabled=false}. A failing sweep is logged and the next one runs as planned.
 */
public class ReviewSyncScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReviewSyncScheduler.class);

    private final ReviewSync sync;
    private final QueryGateway queries;
    private final SyncProperties properties;
    private volatile ScheduledExecutorService timer;

    public ReviewSyncScheduler(ReviewSync sync, QueryGateway queries, SyncProperties properties) {
        this.sync = sync;
        this.queries = queries;
        this.properties = properties;
    }

    /** Queues a sync of every connected shop; returns how many were queued. Never throws. */
    public int sweep() {
        try {
            List<ShopView> shops = ShopLookup.googleConnected(queries);
            int queued = 0;
            for (ShopView shop : shops) {
                try {
                    sync.submit(shop);
                    queued++;
                } catch (RuntimeException e) {
                    log.warn("Could not queue the review sync of shop {}: {}", shop.id(), e.toString());
                }
            }
            log.debug("Review sync sweep queued {} shops", queued);
            return queued;
        } catch (RuntimeException e) {
            log.warn("Review sync sweep failed: {}", e.toString());
            return 0;
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || timer != null) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "review-sync-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sweep, properties.initialDelay().toMillis(),
                properties.interval().toMillis(), TimeUnit.MILLISECONDS);
        timer = executor;
        log.info("Review sync every {} (first in {})", properties.interval(), properties.initialDelay());
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
