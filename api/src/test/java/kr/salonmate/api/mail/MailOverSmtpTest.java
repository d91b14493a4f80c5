package kr.salonmate.api.mail;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.Mails;
import kr.salonmate.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Mail over real SMTP: a GreenMail server inside the test is the mail server the application is configured with
 * ({@code spring.mail.host/port}), and the mails are read back from it as a mail program would. This context has a
 * database of its own, so that no other test context's outbox worker (which writes .eml files) drains its mails.
 */
class MailOverSmtpTest extends IntegrationTest {

    private static final int SMTP_PORT = freePort();
    private static final ServerSetup SMTP = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static final TestDatabase.Database OWN_DATABASE = TestDatabase.create("mail");
    private static GreenMail smtp = started();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailOutbox outbox;
    @Autowired
    MailOutboxWorker worker;
    @Autowired
    PlatformTransactionManager transactionManager;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("salonmate.test.database-url", OWN_DATABASE::url);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("salonmate.mail.from", () -> "SalonMate <hello@salonmate.test>");
        registry.add("salonmate.mail.poll-interval", () -> "PT0.2S");
        registry.add("salonmate.mail.retry.initial-backoff", () -> "PT0.3S");
        registry.add("salonmate.mail.retry.max-backoff", () -> "PT1S");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    private static GreenMail started() {
        GreenMail server = new GreenMail(SMTP);
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> receivedBy(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> Mails.to(m).equalsIgnoreCase(recipient)).toList();
    }

    private static List<MimeMessage> awaitReceived(String recipient, int count) {
        return eventually(() -> receivedBy(recipient), mails -> mails.size() >= count,
                count + " mail(s) to " + recipient + " on the SMTP server");
    }

    private JsonNode signUpIn(String locale, String email) {
        HttpApi.Response response = api.post("/v1/auth/signup", null, Map.of("email", email,
                "password", "correct horse battery", "name", "Jun <b>Park</b>", "shopName", "살롱 메일",
                "locale", locale));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    void aSignUpMailsAVerificationLinkInTheAccountsLanguageOverSmtp() throws Exception {
        String english = "mail-en-" + UUID.randomUUID() + "@salon.test";
        String korean = "mail-ko-" + UUID.randomUUID() + "@salon.test";
        JsonNode signedUp = signUpIn("en", english);
        signUpIn("ko", korean);
        assertThat(signedUp.path("user").path("emailVerified").asBoolean(true)).isFalse();

        MimeMessage en = awaitReceived(english, 1).get(0);
        assertThat(en.getContentType()).startsWith("multipart/alternative");
        assertThat(en.getFrom()[0].toString()).isEqualTo("SalonMate <hello@salonmate.test>");
        assertThat(en.getSubject()).isEqualTo("Confirm your e-mail address for SalonMate");
        String base = "http://127.0.0.1:" + port + "/#/verify-email?token=";
        assertThat(Mails.text(en)).contains("Hello Jun <b>Park</b>,", base, "24 hours");
        // the name is text, not markup, in the HTML part
        assertThat(Mails.html(en)).contains("Jun &lt;b&gt;Park&lt;/b&gt;", "<a href=\"" + base)
                .doesNotContain("<b>Park</b>");

        MimeMessage ko = awaitReceived(korean, 1).get(0);
        assertThat(ko.getSubject()).isEqualTo("[SalonMate] 이메일 주소를 확인해 주세요");
        assertThat(Mails.text(ko)).contains("이메일 주소를 확인해 주세요", base);

        // the link in the mail works
        HttpApi.Response verified = api.post("/v1/auth/verify-email", null,
                Map.of("token", Mails.token(en, "verify-email")));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().path("user").path("emailVerified").asBoolean()).isTrue();
        // sent: the row keeps who and when, not the bodies with the one-time link
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT sent_at, attempts, text_body, html_body, link FROM mail_outbox WHERE recipient = ?", english);
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("text_body")).isEqualTo("");
        assertThat(row.get("html_body")).isEqualTo("");
        assertThat(row.get("link")).isEqualTo("");
    }

    @Test
    void aMailIsRetriedUntilTheSmtpServerIsBackAndTheRequestDoesNotFail() throws Exception {
        smtp.stop();
        String email = "mail-down-" + UUID.randomUUID() + "@salon.test";
        try {
            // the request that causes the mail succeeds while the mail server is away
            signUpIn("ko", email);
            eventually(() -> jdbc.queryForMap("SELECT attempts, last_error, sent_at FROM mail_outbox WHERE recipient = ?",
                    email), row -> ((Integer) row.get("attempts")) >= 2, "two failed attempts");
            Map<String, Object> failing = jdbc.queryForMap(
                    "SELECT last_error, sent_at, text_body FROM mail_outbox WHERE recipient = ?", email);
            assertThat(failing.get("sent_at")).isNull();
            assertThat((String) failing.get("last_error")).isNotBlank();
            assertThat((String) failing.get("text_body")).contains("/#/verify-email?token=");
            assertThat(receivedBy(email)).isEmpty();
        } finally {
            smtp = started();
        }
        MimeMessage mail = awaitReceived(email, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("[SalonMate] 이메일 주소를 확인해 주세요");
        eventually(() -> jdbc.queryForObject("SELECT sent_at IS NOT NULL FROM mail_outbox WHERE recipient = ?",
                Boolean.class, email), Boolean.TRUE::equals, "the mail marked sent");
        // a sent mail is not sent again: watched for longer than the longest backoff (1 s) and a poll (0.2 s);
        // nothing later in the outbox would tell that no retry is left
        await("no second mail to " + email).during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3))
                .until(() -> receivedBy(email).size(), received -> received == 1);
        assertThat(receivedBy(email)).hasSize(1);
    }

    @Test
    void workersOnSeveralNodesShareTheOutboxWithoutSendingAMailTwice() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        int count = 24;
        List<String> recipients = new ArrayList<>();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                String to = "batch-" + batch + "-" + i + "@salon.test";
                recipients.add(to);
                outbox.enqueue(new MailMessage(to, "batch " + batch + " #" + i, "text " + i, "<p>html " + i + "</p>",
                        "http://127.0.0.1/#/none"));
            }
        });
        // four more drainers besides the application's own worker, like four more nodes on the same database
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> drained = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                drained.add(nodes.submit(worker::drain));
            }
            for (Future<Integer> future : drained) {
                future.get();
            }
        } finally {
            nodes.shutdown();
        }
        for (String to : recipients) {
            awaitReceived(to, 1);
        }
        // the drainers are done; the application's own worker polls on (every 0.2 s): two more of its passes
        // send none of them again
        await("no mail of the batch sent twice").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> recipients.stream().allMatch(to -> receivedBy(to).size() == 1));
        for (String to : recipients) {
            assertThat(receivedBy(to)).as("mails to " + to).hasSize(1);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE subject LIKE ? AND sent_at IS NOT NULL",
                Integer.class, "batch " + batch + " #%")).isEqualTo(count);
    }
}
