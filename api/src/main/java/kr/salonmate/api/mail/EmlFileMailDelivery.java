package kr.salonmate.api.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default when no SMTP host is configured: each mail becomes an {@code .eml} file in
 * {@code $SALONMATE_DATA_DIR/outbox/} and its link is logged, so sign-up, verification and password reset work on a
 * fresh machine. Logging the link (a one-time token) is deliberate and only happens here, on the local default;
 * with SMTP configured nothing secret is logged.
 */
final class EmlFileMailDelivery implements MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(EmlFileMailDelivery.class);

    private final Path directory;
    private final InternetAddress from;
    private final Session session = Session.getInstance(new Properties());

    EmlFileMailDelivery(Path directory, InternetAddress from) {
        this.directory = directory;
        this.from = from;
    }

    Path directory() {
        return directory;
    }

    @Override
    public void deliver(UUID id, MailMessage mail) throws Exception {
        Files.createDirectories(directory);
        Path target = directory.resolve(id + ".eml");
        Path partial = directory.resolve(id + ".eml.part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            MimeMessages.build(session, from, id, mail).writeTo(out);
        }
        // a reader never sees half a file
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("No SMTP host configured (local default): mail \"{}\" to {} written to {}; its link: {}",
                mail.subject(), mail.to(), target.toAbsolutePath(), mail.link());
    }
}
