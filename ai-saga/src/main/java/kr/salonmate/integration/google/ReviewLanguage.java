package kr.salonmate.integration.google;

/**
 * Guesses a review's language the simple way: Hangul means Korean, anything else English. When Google shows a
 * translation ("(Translated by Google) … (Original) …") only the original part counts. A review with stars
 * only takes the shop's language.
 */
public final class ReviewLanguage {

    private static final String ORIGINAL_MARKER = "(Original)";

    private ReviewLanguage() {
    }

    public static String guess(String comment, String shopLocale) {
        String text = comment == null ? "" : comment;
        int original = text.indexOf(ORIGINAL_MARKER);
        if (original >= 0) {
            text = text.substring(original + ORIGINAL_MARKER.length());
        }
        if (text.isBlank()) {
            return shopLocale != null && shopLocale.toLowerCase().startsWith("en") ? "en" : "ko";
        }
        return containsHangul(text) ? "ko" : "en";
    }

    static boolean containsHangul(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
    }
}
