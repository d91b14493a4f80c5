package kr.salonmate.api.mail;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.Mails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The embedded default (no SMTP host configured, as in every {@link IntegrationTest}): a mail becomes an
 * {@code .eml} file in {@code $SALONMATE_DATA_DIR/outbox/} that a mail program opens, and its link is logged, so
 * sign-up and verification work end to end on a machine without a mail server.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmlFallbackTest extends IntegrationTest {

    @Test
    void withoutSmtpTheMailIsAnEmlFileAndItsLinkIsLogged(CapturedOutput output) throws Exception {
        String email = "eml-" + UUID.randomUUID() + "@salon.test";
        HttpApi.Response signup = api.post("/v1/auth/signup", null, Map.of("email", email,
                "password", "correct horse battery", "name", "Jun", "shopName", "Eml salon", "locale", "en"));
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);

        MimeMessage mail = Mails.awaitEml(Mails.TEST_OUTBOX, email, 1);
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(mail.getSubject()).isEqualTo("Confirm your e-mail address for SalonMate");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("SalonMate <no-reply@localhost>");
        assertThat(mail.getMessageID()).matches("<[0-9a-f-]{36}@salonmate>");
        String token = Mails.token(mail, "verify-email");
        assertThat(Mails.html(mail)).contains("http://127.0.0.1:" + port + "/#/verify-email?token=" + token);

        String link = "http://127.0.0.1:" + port + "/#/verify-email?token=" + token;
        eventually(output::getOut, out -> out.contains(link), "the link in the log");
        assertThat(output.getOut()).contains("No SMTP host configured (local default)", email);

        HttpApi.Response verified = api.post("/v1/auth/verify-email", null, Map.of("token", token));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().path("user").path("email").asText()).isEqualTo(email);
        assertThat(verified.json().path("user").path("emailVerified").asBoolean()).isTrue();
    }
}
