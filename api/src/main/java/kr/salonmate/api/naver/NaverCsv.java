package kr.salonmate.api.naver;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a Naver review export (RFC 4180, so comments may hold commas, quotes and line breaks) into good rows and
 * row errors. The header names the columns {@code reviewId,author,rating,comment,createdAt}; they are found by
 * name, so extra columns (Naver adds some, owners add notes) are ignored. A bad row is reported with the line it
 * starts on and the rest of the file is still read; only a row the parser cannot get past ends the reading.
 */
final class NaverCsv {

    static final int MAX_ROWS = 10_000;
    static final List<String> COLUMNS = List.of("reviewId", "author", "rating", "comment", "createdAt");
    static final int MAX_ID_LENGTH = 200;
    static final int MAX_AUTHOR_LENGTH = 200;
    static final int MAX_COMMENT_LENGTH = 10_000;
    /** Naver shows masked nicknames; a row without one still needs an author to show. */
    static final String ANONYMOUS_AUTHOR = "Naver user";

    /** Empty lines are kept (and skipped below) so that the parser's line count stays the file's line count. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    record Parsed(List<NaverRow> rows, List<RowError> errors) {
    }

    private NaverCsv() {
    }

    static Parsed read(String text, ZoneId shopZone) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> columns = header(records);
            List<NaverRow> rows = new ArrayList<>();
            List<RowError> errors = new ArrayList<>();
            Map<String, Long> firstLineOf = new HashMap<>();
            int count = 0;
            long linesBefore = parser.getCurrentLineNumber();
            while (true) {
                long line = linesBefore + 1; // hasNext() reads the next record: the line it starts on is this one
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                } catch (UncheckedIOException unreadable) {
                    errors.add(new RowError(line, "The file cannot be read from here on (" + reason(unreadable)
                            + "); rows from this line were not imported"));
                    break;
                }
                CSVRecord record = records.next();
                linesBefore = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // an empty line
                }
                if (++count > MAX_ROWS) {
                    throw new TooManyRows();
                }
                Object row = row(record, columns, line, shopZone);
                if (row instanceof NaverRow good) {
                    Long first = firstLineOf.putIfAbsent(good.reviewId(), line);
                    if (first != null) {
                        errors.add(new RowError(line, "reviewId " + good.reviewId() + " is already on line " + first
                                + "; only that row is imported"));
                    } else {
                        rows.add(good);
                    }
                } else {
                    errors.add((RowError) row);
                }
            }
            return new Parsed(rows, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does not fail
        }
    }

    private static Map<String, Integer> header(Iterator<CSVRecord> records) {
        CSVRecord header;
        try {
            if (!records.hasNext()) {
                throw new BadHeader("the file is empty");
            }
            header = records.next();
        } catch (UncheckedIOException e) {
            throw new BadHeader("the first line cannot be read");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !columns.containsKey(c.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw new BadHeader("the first line must name the columns " + String.join(",", COLUMNS) + "; missing: "
                    + String.join(",", missing));
        }
        return columns;
    }

    /** A {@link NaverRow}, or the {@link RowError} that says what is wrong with it. */
    private static Object row(CSVRecord record, Map<String, Integer> columns, long line, ZoneId shopZone) {
        int needed = COLUMNS.stream().mapToInt(c -> columns.get(c.toLowerCase(Locale.ROOT))).max().orElseThrow() + 1;
        if (record.size() < needed) {
            return new RowError(line, "expected at least " + needed + " columns, found " + record.size());
        }
        String reviewId = column(record, columns, "reviewId").strip();
        if (reviewId.isEmpty()) {
            return new RowError(line, "reviewId is empty");
        }
        if (reviewId.length() > MAX_ID_LENGTH) {
            return new RowError(line, "reviewId is longer than " + MAX_ID_LENGTH + " characters");
        }
        String author = column(record, columns, "author").strip();
        if (author.length() > MAX_AUTHOR_LENGTH) {
            return new RowError(line, "author is longer than " + MAX_AUTHOR_LENGTH + " characters");
        }
        Integer rating = rating(column(record, columns, "rating"));
        if (rating == null) {
            return new RowError(line, "rating must be a whole number from 1 to 5, not \""
                    + abbreviated(column(record, columns, "rating")) + "\"");
        }
        String comment = column(record, columns, "comment");
        if (comment.length() > MAX_COMMENT_LENGTH) {
            return new RowError(line, "comment is longer than " + MAX_COMMENT_LENGTH + " characters");
        }
        String created = column(record, columns, "createdAt");
        Instant createdAt = NaverDates.parse(created, shopZone);
        if (createdAt == null) {
            return new RowError(line, "createdAt must be a date like 2026-11-27, 2026-11-27T10:15:00+09:00 or "
                    + "2026.11.27., not \"" + abbreviated(created) + "\"");
        }
        return new NaverRow(line, reviewId, author.isEmpty() ? ANONYMOUS_AUTHOR : author, rating, comment, createdAt);
    }

    private static String column(CSVRecord record, Map<String, Integer> columns, String name) {
        return record.get(columns.get(name.toLowerCase(Locale.ROOT)));
    }

    /** 1–5; "5.0" is accepted because spreadsheets like to write numbers that way. */
    private static Integer rating(String text) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            int rating = value.intValueExact();
            return rating >= 1 && rating <= 5 ? rating : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String reason(UncheckedIOException e) {
        String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        return message == null ? "malformed CSV" : message;
    }

    /** More than {@value #MAX_ROWS} rows: answered 413 before anything is imported. */
    static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super("The file has more than " + MAX_ROWS + " rows", null, false, false);
        }
    }

    /** Without the header the columns cannot be found: the whole file is refused (400). */
    static final class BadHeader extends RuntimeException {
        BadHeader(String message) {
            super(message, null, false, false);
        }
    }
}
