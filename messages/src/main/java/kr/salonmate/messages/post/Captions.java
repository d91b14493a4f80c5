package kr.salonmate.messages.post;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instagram's rules for a caption, shared by the aggregate (which enforces them), the caption saga (which makes a
 * model's answer fit them) and the publishing saga (which sends {@link #compose the composed text}).
 */
public final class Captions {

    /** Instagram's limit for the whole caption text, hashtags included. */
    public static final int MAX_LENGTH = 2_200;
    /** Instagram's limit of hashtags in one caption. */
    public static final int MAX_HASHTAGS = 30;
    /** A hashtag: letters (any script), digits and underscores; at most this long. */
    public static final int MAX_HASHTAG_LENGTH = 100;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]+");
    private static final Pattern INLINE_TAG = Pattern.compile("#[\\p{L}\\p{M}\\p{N}_]+");

    private Captions() {
    }

    /** The tag without its leading {@code #} and surrounding spaces; null stays null. */
    public static String normalizeTag(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip();
        while (t.startsWith("#")) {
            t = t.substring(1);
        }
        return t;
    }

    /** Whether a (normalized) tag is one Instagram would link. */
    public static boolean isValidTag(String tag) {
        return tag != null && !tag.isEmpty() && tag.codePointCount(0, tag.length()) <= MAX_HASHTAG_LENGTH
                && TAG.matcher(tag).matches();
    }

    /** The same tag ignoring case, for de-duplication. */
    public static String tagKey(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }

    /** What Instagram receives: the caption, a blank line, then the hashtags each prefixed with {@code #}. */
    public static String compose(String caption, List<String> hashtags) {
        String text = caption == null ? "" : caption.strip();
        if (hashtags == null || hashtags.isEmpty()) {
            return text;
        }
        StringBuilder tags = new StringBuilder();
        for (String tag : hashtags) {
            if (!tags.isEmpty()) {
                tags.append(' ');
            }
            tags.append('#').append(tag);
        }
        return text.isEmpty() ? tags.toString() : text + "\n\n" + tags;
    }

    /** Hashtags Instagram would count in the composed text: the list plus those written into the caption. */
    public static int countHashtags(String caption, List<String> hashtags) {
        int inline = 0;
        if (caption != null) {
            Matcher m = INLINE_TAG.matcher(caption);
            while (m.find()) {
                inline++;
            }
        }
        return inline + (hashtags == null ? 0 : hashtags.size());
    }

    /** Length as Instagram counts it (one per Unicode character). */
    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}
