package kr.salonmate.api.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reading the mails the application sent, the way a mail program does: {@code .eml} files of the local default
 * (in {@code <data-dir>/outbox}) or messages a real SMTP server received; and the one-time token in their link.
 */
public final class Mails {

    /** The outbox in the application's own data dir in {@link IntegrationTest}. */
    public static final Path TEST_OUTBOX = TestDataDir.PATH.resolve("outbox");

    private static final Session SESSION = Session.getInstance(new Properties());

    private Mails() {
    }

    /** Every {@code .eml} mail to {@code recipient} in {@code outbox}, oldest first. */
    public static List<MimeMessage> emlTo(Path outbox, String recipient) {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(outbox)) {
            files = listing.filter(p -> p.toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(Mails::modified)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<MimeMessage> mails = new ArrayList<>();
        for (Path file : files) {
            MimeMessage mail = read(file);
            if (to(mail).equalsIgnoreCase(recipient)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    /** Waits for the {@code count}-th {@code .eml} mail to {@code recipient} and returns it. */
    public static MimeMessage awaitEml(Path outbox, String recipient, int count) {
        return Eventually.eventually(() -> emlTo(outbox, recipient), mails -> mails.size() >= count,
                count + " mail(s) to " + recipient + " in " + outbox).get(count - 1);
    }

    /** The token of the newest {@code .eml} mail to {@code recipient} whose link opens {@code route}. */
    public static String awaitEmlToken(Path outbox, String recipient, String route) {
        List<MimeMessage> mails = Eventually.eventually(() -> emlTo(outbox, recipient).stream()
                        .filter(m -> text(m).contains("/#/" + route + "?token=")).toList(), m -> !m.isEmpty(),
                "a " + route + " mail to " + recipient + " in " + outbox);
        return token(mails.get(mails.size() - 1), route);
    }

    public static String to(MimeMessage mail) {
        try {
            var recipients = mail.getRecipients(Message.RecipientType.TO);
            return recipients == null || recipients.length == 0 ? "" : recipients[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain alternative. */
    public static String text(MimeMessage mail) {
        return part(mail, "text/plain");
    }

    /** The text/html alternative. */
    public static String html(MimeMessage mail) {
        return part(mail, "text/html");
    }

    /** The token in the mail's link to {@code /#/<route>?token=…}. */
    public static String token(MimeMessage mail, String route) {
        Matcher link = Pattern.compile("/#/" + Pattern.quote(route) + "\\?token=([A-Za-z0-9_-]+)").matcher(text(mail));
        if (!link.find()) {
            throw new AssertionError("no " + route + " link in: " + text(mail));
        }
        return link.group(1);
    }

    private static String part(MimeMessage mail, String type) {
        try {
            if (!(mail.getContent() instanceof Multipart alternative)) {
                throw new AssertionError("not multipart: " + mail.getContentType());
            }
            for (int i = 0; i < alternative.getCount(); i++) {
                BodyPart part = alternative.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
            }
            throw new AssertionError("no " + type + " part in " + mail.getContentType());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(SESSION, in);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
