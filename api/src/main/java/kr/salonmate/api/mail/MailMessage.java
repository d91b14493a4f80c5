package kr.salonmate.api.mail;

/**
 * One mail to one person: a subject, a plain-text body and the same in simple HTML (sent as
 * multipart/alternative). {@code link} is the one link the mail is about; it is logged only by the local
 * {@code .eml} fallback, so a developer without SMTP can follow it.
 */
public record MailMessage(String to, String subject, String text, String html, String link) {

    @Override
    public String toString() {
        // the bodies and the link carry one-time tokens: never print them
        return "MailMessage[to=" + to + ", subject=" + subject + "]";
    }
}
