package kr.salonmate.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret that is configured, or else generated once and kept in a file under the data directory (owner
 * read/write only). Good for the embedded default and a single node; a cluster configures the value.
 */
public final class LocalSecrets {

    private static final Logger log = LoggerFactory.getLogger(LocalSecrets.class);

    private LocalSecrets() {
    }

    public static synchronized String configuredOrPersisted(String configured, Path file, Supplier<String> generator) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String value = generator.get();
            Files.writeString(file, value);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("Generated a new secret in {}; configure it explicitly when running more than one node",
                    file.toAbsolutePath());
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }
}
