package kr.salonmate.api.support;

import java.nio.file.Path;

/**
 * The application's {@code salonmate.data-dir} in {@link IntegrationTest}: its mail outbox ({@link Mails#TEST_OUTBOX}) and token signing key.
 * One per test JVM ({@code target/test-data-<fork>}, set by the api module's surefire configuration), because the
 * test run uses two JVMs at once and a test reads "the newest mail to the operator" from it: with one directory it
 * could read the other JVM's.
 */
public final class TestDataDir {

    public static final Path PATH = Path.of(System.getProperty("salonmate.test.data-dir", "target/test-data"));

    private TestDataDir() {
    }
}
