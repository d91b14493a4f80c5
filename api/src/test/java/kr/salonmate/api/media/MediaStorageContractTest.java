package kr.salonmate.api.media;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kr.salonmate.api.support.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same contract for both stores: the real MinIO client against a real S3-compatible server process (Adobe
 * S3Mock's standalone jar, copied to {@code target/s3mock} by the build and started on a free loopback port), and
 * the local directory.
 */
class MediaStorageContractTest {

    abstract static class Contract {

        abstract MediaStorage storage();

        @Test
        void anObjectIsStoredReadBackAndDeleted(@TempDir Path temp) throws IOException {
            byte[] jpeg = TestImages.jpeg(64, 80);
            Path file = Files.write(temp.resolve("r.jpg"), jpeg);
            String key = MediaStore.keyOf(UUID.randomUUID(), UUID.randomUUID());

            storage().put(key, file, jpeg.length, "image/jpeg");

            try (InputStream in = storage().open(key)) {
                assertThat(in.readAllBytes()).isEqualTo(jpeg);
            }
            storage().delete(key);
            assertThatThrownBy(() -> storage().open(key).close()).isInstanceOf(MediaStorage.MediaMissing.class);
            storage().delete(key); // deleting what is gone is fine
        }

        @Test
        void storingAgainUnderTheSameKeyReplacesTheObjectWhole(@TempDir Path temp) throws IOException {
            String key = MediaStore.keyOf(UUID.randomUUID(), UUID.randomUUID());
            byte[] first = TestImages.jpeg(10, 10);
            byte[] second = TestImages.png(20, 20);
            storage().put(key, Files.write(temp.resolve("1"), first), first.length, "image/jpeg");
            storage().put(key, Files.write(temp.resolve("2"), second), second.length, "image/jpeg");
            try (InputStream in = storage().open(key)) {
                assertThat(in.readAllBytes()).isEqualTo(second);
            }
        }

        @Test
        void anUnknownKeyIsMissing() {
            assertThatThrownBy(() -> storage().open(MediaStore.keyOf(UUID.randomUUID(), UUID.randomUUID())).close())
                    .isInstanceOf(MediaStorage.MediaMissing.class);
        }
    }

    @Nested
    class LocalDirectory extends Contract {

        @TempDir
        Path root;

        @Override
        MediaStorage storage() {
            return new LocalMediaStorage(root);
        }

        @Test
        void keysCannotEscapeTheDirectory() {
            assertThatThrownBy(() -> storage().open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class S3CompatibleServer extends Contract {

        @Override
        MediaStorage storage() {
            return s3;
        }
    }

    private static Process s3mock;
    private static S3MediaStorage s3;

    @BeforeAll
    static void startS3Mock() throws Exception {
        Path jar = Path.of("target/s3mock/s3mock.jar");
        assertThat(jar).as("the build copies S3Mock's exec jar to target/s3mock (mvn process-test-resources)")
                .exists();
        int httpPort = freePort();
        int httpsPort = freePort();
        Path root = Files.createTempDirectory("s3mock-");
        s3mock = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + httpsPort, "--com.adobe.testing.s3mock.httpPort=" + httpPort,
                "--server.address=127.0.0.1", "--com.adobe.testing.s3mock.store.root=" + root,
                "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(Path.of("target", "s3mock.log").toFile()).start();
        String endpoint = "http://127.0.0.1:" + httpPort;
        awaitUp(endpoint, Duration.ofSeconds(90));
        s3 = new S3MediaStorage(new StorageProperties(endpoint, "access", "secret", "salonmate-test", null, null));
    }

    @AfterAll
    static void stopS3Mock() throws InterruptedException {
        if (s3mock != null) {
            s3mock.destroy();
            if (!s3mock.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                s3mock.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitUp(String endpoint, Duration limit) {
        eventually(() -> answers(endpoint), up -> up, "S3Mock to start (see target/s3mock.log)", limit);
    }

    private static boolean answers(String endpoint) {
        if (!s3mock.isAlive()) {
            throw new IllegalStateException("S3Mock exited; see target/s3mock.log");
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2_000);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false; // starting
        }
    }

}
