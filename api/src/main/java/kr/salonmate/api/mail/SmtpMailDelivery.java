package kr.salonmate.api.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends through the SMTP server of {@code SPRING_MAIL_*} (Spring Boot's mail starter). */
final class SmtpMailDelivery implements MailDelivery {

    private final JavaMailSender sender;
    private final InternetAddress from;

    SmtpMailDelivery(JavaMailSender sender, InternetAddress from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void deliver(UUID id, MailMessage mail) throws Exception {
        MimeMessage message = MimeMessages.build(sender.createMimeMessage().getSession(), from, id, mail);
        sender.send(message);
    }
}
