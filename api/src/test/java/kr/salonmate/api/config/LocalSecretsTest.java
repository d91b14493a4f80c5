package kr.salonmate.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated key files are the owner's only, and an existing one that others may read is refused, naming the fix.
 * The permissions are given when the file is created: the process's umask (022 here, as on most machines) would
 * otherwise leave a new file readable by everyone until it is tightened.
 */
class LocalSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedKeyFileIsTheOwnersOnlyAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dataDir.resolve("keys/crypto.key");
        String value = LocalSecrets.configuredOrPersisted(null, file, () -> "secret-value");

        assertThat(value).isEqualTo("secret-value");
        assertThat(Files.readString(file)).isEqualTo("secret-value");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("crypto.key");
        }
        assertThat(LocalSecrets.configuredOrPersisted(null, file, () -> "another")).as("kept").isEqualTo("secret-value");
    }

    @Test
    void aKeyFileOthersMayReadIsRefusedAtStart() throws IOException {
        Path file = dataDir.resolve("jwt-signing-key.json");
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> LocalSecrets.configuredOrPersisted(null, file, () -> "new"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("chmod 600");
        assertThat(Files.readString(file)).as("left as it was").isEqualTo("{}");
    }

    @Test
    void aConfiguredValueWinsAndTouchesNoFile() {
        Path file = dataDir.resolve("media-signing.key");
        assertThat(LocalSecrets.configuredOrPersisted(" configured ", file, () -> "generated")).isEqualTo("configured");
        assertThat(file).doesNotExist();
    }
}
