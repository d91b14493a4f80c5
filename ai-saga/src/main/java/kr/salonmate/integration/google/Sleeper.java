package kr.salonmate.integration.google;

import java.time.Duration;

/** How the client waits between retries (a test replaces it to keep time out of tests). */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
