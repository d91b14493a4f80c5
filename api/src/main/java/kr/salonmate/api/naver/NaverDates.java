package kr.salonmate.api.naver;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code createdAt} as exports write it: ISO-8601 with an offset ({@code 2026-11-27T10:15:00+09:00}, {@code …Z}),
 * ISO without one ({@code 2026-11-27T10:15:00}, {@code 2026-11-27}), or Naver's own {@code 2026.11.27.} (the final
 * dot optional, an optional {@code 10:15} after it). Without an offset the time is the shop's: a review written on
 * 27 November in Seoul was written on 27 November, whatever the server's zone.
 */
final class NaverDates {

    private static final Pattern NAVER = Pattern.compile(
            "(\\d{4})\\.\\s?(\\d{1,2})\\.\\s?(\\d{1,2})\\.?(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

    private NaverDates() {
    }

    /** The instant, or null when the text is none of the accepted forms. */
    static Instant parse(String text, ZoneId shopZone) {
        String value = text.strip();
        try {
            Matcher naver = NAVER.matcher(value);
            if (naver.matches()) {
                LocalDate date = LocalDate.of(Integer.parseInt(naver.group(1)), Integer.parseInt(naver.group(2)),
                        Integer.parseInt(naver.group(3)));
                if (naver.group(4) == null) {
                    return date.atStartOfDay(shopZone).toInstant();
                }
                int seconds = naver.group(6) == null ? 0 : Integer.parseInt(naver.group(6));
                return date.atTime(Integer.parseInt(naver.group(4)), Integer.parseInt(naver.group(5)), seconds)
                        .atZone(shopZone).toInstant();
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(shopZone).toInstant();
            }
            if (hasOffset(value)) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(shopZone).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean hasOffset(String value) {
        int time = value.indexOf('T');
        return time > 0 && (value.endsWith("Z") || value.endsWith("z") || value.indexOf('+', time) > 0
                || value.indexOf('-', time) > 0);
    }
}
