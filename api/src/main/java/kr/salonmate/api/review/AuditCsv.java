package kr.salonmate.api.review;

import java.io.IOException;
import java.io.Writer;
import kr.salonmate.messages.review.AuditEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The audit trail as CSV (RFC 4180, written by Commons CSV): a header line, CRLF line ends, fields with a comma,
 * quote, CR or LF quoted and their quotes doubled, every other field as it is. Spreadsheets run a cell that starts
 * with {@code = + - @} (or a tab or CR) as a formula, and review texts come from strangers: such a cell gets a
 * leading apostrophe, which spreadsheets show as text.
 *
 * <p>Why two formats: Commons CSV's {@link QuoteMode#MINIMAL} also quotes a field that starts with a space,
 * {@code !} or {@code #} or ends in whitespace. Exports that clients already parse and diff must not change, so the
 * rule above picks the format per field and the library does the writing (delimiters, quoting, record ends).
 */
final class AuditCsv {

    static final String BOM = "\uFEFF";
    static final String HEADER = "at,reviewId,action,actorType,actorId,actorName,text,previousText,model,detail";

    private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL)
            .setRecordSeparator("\r\n").get();
    private static final CSVFormat PLAIN = CSVFormat.RFC4180.builder().setQuote(null)
            .setRecordSeparator("\r\n").get();

    private AuditCsv() {
    }

    static void header(Writer out) throws IOException {
        out.write(BOM);
        record(out, HEADER.split(","));
    }

    static void row(Writer out, AuditEntry entry) throws IOException {
        record(out, entry.at().toString(), entry.reviewId() == null ? "" : entry.reviewId().toString(),
                entry.action().name(),
                entry.actor().type().name(), entry.actor().userId() == null ? "" : entry.actor().userId().toString(),
                entry.actor().name(), entry.text(), entry.previousText(), entry.model(), entry.detail());
    }

    private static void record(Writer out, String... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            String text = cell(values[i]);
            (needsQuotes(text) ? QUOTED : PLAIN).print(text, out, i == 0);
        }
        PLAIN.println(out);
    }

    private static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return startsLikeAFormula(value) ? "'" + value : value;
    }

    private static boolean needsQuotes(String text) {
        return text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    private static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
