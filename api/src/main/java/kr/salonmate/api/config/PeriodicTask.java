package kr.salonmate.api.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that runs again and again on a daemon thread of its own, with a fixed delay between runs, for a node-local
 * background job's {@code SmartLifecycle}. A run that throws is logged and the next one runs as planned (the
 * database may be away for a while; the next pass catches up).
 */
public final class PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration firstDelay;
    private final Duration period;
    private final Runnable work;
    private ScheduledExecutorService timer;

    /** Periods and delays are whole seconds, at least one. */
    public PeriodicTask(String name, Duration firstDelay, Duration period, Runnable work) {
        this.name = name;
        this.firstDelay = firstDelay;
        this.period = period;
        this.work = work;
    }

    public synchronized void start() {
        if (timer != null) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", name, e.toString());
            }
        }, seconds(firstDelay), seconds(period), TimeUnit.SECONDS);
        timer = executor;
    }

    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    public synchronized boolean isRunning() {
        return timer != null;
    }

    private static long seconds(Duration duration) {
        return Math.max(1, duration.toSeconds());
    }
}
