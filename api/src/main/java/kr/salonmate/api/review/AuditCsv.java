package kr.salonmate.api.review;

import java.io.IOException;
import java.io.Writer;
import kr.salonmate.messages.review.AuditEntry;

/**
 * The audit trail as CSV (RFC 4180): a header line, CRLF line ends, fields with a comma, quote, CR or LF quoted and
 * their quotes doubled. Spreadsheets run a cell that starts with {@code = + - @} (or a tab or CR) as a formula, and
 * review texts come from strangers: such a cell gets a leading apostrophe, which spreadsheets show as text.
 */
final class AuditCsv {

    static final String BOM = "\uFEFF";
    static final String HEADER = "at,reviewId,action,actorType,actorId,actorName,text,previousText,model,detail";

    private AuditCsv() {
    }

    static void header(Writer out) throws IOException {
        out.write(BOM);
        out.write(HEADER);
        out.write("\r\n");
    }

    static void row(Writer out, AuditEntry entry) throws IOException {
        out.write(entry.at().toString());
        out.write(',');
        out.write(entry.reviewId().toString());
        out.write(',');
        out.write(entry.action().name());
        out.write(',');
        out.write(entry.actor().type().name());
        out.write(',');
        out.write(entry.actor().userId() == null ? "" : entry.actor().userId().toString());
        out.write(',');
        field(out, entry.actor().name());
        out.write(',');
        field(out, entry.text());
        out.write(',');
        field(out, entry.previousText());
        out.write(',');
        field(out, entry.model());
        out.write(',');
        field(out, entry.detail());
        out.write("\r\n");
    }

    static void field(Writer out, String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        String text = startsLikeAFormula(value) ? "'" + value : value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        if (!quote) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }

    private static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
