package kr.salonmate.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret that is configured, or else generated once and kept in a file under the data directory. Good for the
 * embedded default and a single node; a cluster configures the value.
 *
 * <p>The file is owner read/write only from its first byte: it is written to a temporary file that is created
 * with those permissions (not tightened afterwards, when another user could already have opened it) and then
 * moved into place in one step, so nobody ever sees a half-written key either. An existing key file that group or
 * others may read or write is refused at start (like ssh refuses such a private key): anyone who could read it
 * could sign access tokens or decrypt stored credentials; {@code chmod 600} it (ADR 21).
 */
public final class LocalSecrets {

    private static final Logger log = LoggerFactory.getLogger(LocalSecrets.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private LocalSecrets() {
    }

    public static synchronized String configuredOrPersisted(String configured, Path file, Supplier<String> generator) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            if (Files.exists(file)) {
                requireOwnerOnly(file);
                return Files.readString(file).trim();
            }
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            String value = generator.get();
            boolean posix = Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class);
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", ownerOnly);
            try {
                Files.writeString(temporary, value, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
                // a hard link appears in one step and never replaces: a key another process put there meanwhile
                // wins, and this one is thrown away (the temporary name goes in finally)
                try {
                    Files.createLink(file, temporary);
                } catch (UnsupportedOperationException noLinks) {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file).trim();
            } finally {
                Files.deleteIfExists(temporary);
            }
            log.warn("Generated a new secret in {}; configure it explicitly when running more than one node",
                    file.toAbsolutePath());
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    /** Refuses a key file that anyone but its owner may read or write (on a file system with POSIX permissions). */
    static void requireOwnerOnly(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(permissions);
        open.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        if (!open.isEmpty()) {
            throw new IllegalStateException("The key file " + file.toAbsolutePath() + " may be read or written by"
                    + " others (" + PosixFilePermissions.toString(permissions) + "); refusing to use it. Make it the"
                    + " owner's only: chmod 600 " + file.toAbsolutePath());
        }
    }
}
