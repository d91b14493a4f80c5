package kr.salonmate.api.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * SMTP when {@code SPRING_MAIL_HOST} is set (Spring Boot then makes the {@link JavaMailSender}), else the local
 * {@code .eml} files; either way mails go through the outbox and its worker.
 */
@Configuration
class MailConfiguration {

    @Bean
    MailDelivery mailDelivery(@Value("${spring.mail.host:}") String smtpHost, ObjectProvider<JavaMailSender> smtp,
                              @Value("${salonmate.mail.from}") String from,
                              @Value("${salonmate.data-dir:./data}") String dataDir) throws AddressException {
        InternetAddress sender = new InternetAddress(from, true);
        JavaMailSender javaMail = smtp.getIfAvailable();
        if (StringUtils.hasText(smtpHost) && javaMail != null) {
            return new SmtpMailDelivery(javaMail, sender);
        }
        return new EmlFileMailDelivery(Path.of(dataDir, "outbox"), sender);
    }

    @Bean
    MailOutboxWorker mailOutboxWorker(MailOutbox outbox, MailDelivery delivery, PlatformTransactionManager transactions,
                                      Clock clock,
                                      @Value("${salonmate.mail.retry.initial-backoff:PT30S}") Duration initialBackoff,
                                      @Value("${salonmate.mail.retry.max-backoff:PT1H}") Duration maxBackoff,
                                      @Value("${salonmate.mail.retry.max-attempts:20}") int maxAttempts,
                                      @Value("${salonmate.mail.poll-interval:PT5S}") Duration pollInterval) {
        return new MailOutboxWorker(outbox, delivery, new TransactionTemplate(transactions), clock,
                new MailOutboxWorker.Retry(initialBackoff, maxBackoff, maxAttempts), pollInterval);
    }
}
