package kr.salonmate.api.mail;

import org.springframework.web.util.HtmlUtils;

/**
 * One mail to one person: a subject, a plain-text body and the same in simple HTML (sent as
 * multipart/alternative). {@code link} is the one link the mail is about; it is logged only by the local
 * {@code .eml} fallback, so a developer without SMTP can follow it.
 */
public record MailMessage(String to, String subject, String text, String html, String link) {

    /**
     * The one shape every mail here has: a greeting, a paragraph, one link with its action, a footer; the HTML
     * version escapes every part, so names and shop names are text.
     */
    public static MailMessage withLink(String to, String subject, String greeting, String body, String action,
                                       String link, String footer) {
        String text = greeting + "\n\n" + body + "\n\n" + link + "\n\n" + footer + "\n\n— SalonMate\n";
        String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">"
                + "<p>" + HtmlUtils.htmlEscape(greeting) + "</p>"
                + "<p>" + HtmlUtils.htmlEscape(body) + "</p>"
                + "<p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(action) + "</a></p>"
                + "<p style=\"color:#666\">" + HtmlUtils.htmlEscape(footer) + "</p>"
                + "<p>— SalonMate</p></body></html>";
        return new MailMessage(to, subject, text, html, link);
    }

    @Override
    public String toString() {
        // the bodies and the link carry one-time tokens: never print them
        return "MailMessage[to=" + to + ", subject=" + subject + "]";
    }
}
