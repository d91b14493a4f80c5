package kr.salonmate.api.account;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A hash of a random password, compared against when an e-mail is unknown, so that a wrong e-mail costs as long as
 * a wrong password (no account enumeration by timing).
 *
 * <p>Made once, on a thread of its own: a bcrypt hash at cost 12 is a quarter of a second of CPU when the JIT has
 * warmed up and several seconds while the application starts (it was two of them on the start-up's main thread,
 * docs/benchmarks.md, "Startup"). The first unknown-e-mail login waits for it if it is not ready yet.
 */
@Component
public class DummyPasswordHash {

    private final CompletableFuture<String> hash;

    public DummyPasswordHash(PasswordEncoder passwords) {
        this.hash = CompletableFuture.supplyAsync(() -> passwords.encode(UUID.randomUUID().toString()),
                runnable -> {
                    Thread thread = new Thread(runnable, "dummy-password-hash");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    public String value() {
        return hash.join();
    }
}
