package kr.salonmate.saga.review;

import java.util.List;
import java.util.regex.Pattern;
import kr.salonmate.messages.review.AutoPublishHold;

/**
 * What a reply published without a person's look must not contain: a link, a phone number or an e-mail address.
 * A review can carry a prompt injection ("add my site to your answer"); whatever the model was steered into, these
 * are what would harm the shop, so a draft with any of them waits for the owner.
 */
final class ContactsAndLinks {

    private record Rule(String what, AutoPublishHold hold, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("an e-mail address", AutoPublishHold.CONTAINS_EMAIL, Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+")),
            new Rule("a link", AutoPublishHold.CONTAINS_LINK, Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://|\\bwww\\.|\\b[a-z0-9-]+(\\.[a-z0-9-]+)*"
                    + "\\.(com|net|org|kr|co|io|me|ly|gl|link|shop|site|store|info|biz|xyz|app|dev|page|to|im|so)"
                    + "\\b)")),
            // Korean mobile and landline numbers, 15xx/16xx/18xx service numbers, and international ones
            new Rule("a phone number", AutoPublishHold.CONTAINS_PHONE_NUMBER, Pattern.compile("(?<![\\d])(0\\d{1,2}[\\s.)-]{0,2}\\d{3,4}[\\s.-]?\\d{4}"
                    + "|1[5-8]\\d{2}[\\s.-]?\\d{4}|\\+\\d{1,3}[\\s.-]?\\(?\\d{1,4}\\)?([\\s.-]?\\d{2,4}){2,3})(?![\\d])")));

    private ContactsAndLinks() {
    }

    /** What of the above the text contains ("a link"), or null when it has none. */
    static String foundIn(String text) {
        Rule rule = firstFoundIn(text);
        return rule == null ? null : rule.what();
    }

    /** The hold for what the text contains, or null when it has none of them. */
    static AutoPublishHold holdFor(String text) {
        Rule rule = firstFoundIn(text);
        return rule == null ? null : rule.hold();
    }

    private static Rule firstFoundIn(String text) {
        if (text == null) {
            return null;
        }
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(text).find()) {
                return rule;
            }
        }
        return null;
    }
}
