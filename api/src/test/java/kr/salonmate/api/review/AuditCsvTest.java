package kr.salonmate.api.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.AuditAction;
import kr.salonmate.messages.review.AuditEntry;
import kr.salonmate.messages.review.ReviewId;
import org.junit.jupiter.api.Test;

/**
 * The audit export's bytes, exactly as clients have been reading them since before it moved onto Commons CSV:
 * quotes only where RFC 4180 needs them (not around a leading space, {@code #} or trailing blank, as the
 * library's minimal mode would), formulas defused with an apostrophe, empty cells empty.
 */
class AuditCsvTest {

    private static final ReviewId REVIEW = new ReviewId(UUID.fromString("317db3e5-48d2-3698-941f-a80ef9bac8da"));
    private static final UUID USER = UUID.fromString("0a0b0c0d-0e0f-4a1b-8c2d-3e4f5a6b7c8d");

    @Test
    void theHeaderStartsWithABomAndEndsWithCrLf() throws Exception {
        StringWriter out = new StringWriter();
        AuditCsv.header(out);
        assertThat(out.toString()).isEqualTo("\uFEFFat,reviewId,action,actorType,actorId,actorName,text,previousText,"
                + "model,detail\r\n");
    }

    @Test
    void onlyCommasQuotesAndLineBreaksAreQuotedAndFormulasAreDefused() throws Exception {
        StringWriter out = new StringWriter();
        AuditCsv.row(out, new AuditEntry(REVIEW, 4, Instant.parse("2026-11-27T03:15:00Z"), AuditAction.APPROVED,
                Actor.user(USER, " 김사장"), "=SUM(A1)", "He said \"hi\", then\nleft", "#gpt ", null));
        assertThat(out.toString()).isEqualTo("2026-11-27T03:15:00Z,317db3e5-48d2-3698-941f-a80ef9bac8da,APPROVED,USER,"
                + "0a0b0c0d-0e0f-4a1b-8c2d-3e4f5a6b7c8d, 김사장,'=SUM(A1),\"He said \"\"hi\"\", then\nleft\",#gpt ,\r\n");
    }

    @Test
    void aSystemEntryHasEmptyCellsForWhatItLacks() throws Exception {
        StringWriter out = new StringWriter();
        AuditCsv.row(out, new AuditEntry(REVIEW, 0, Instant.parse("2026-11-27T03:15:00Z"), AuditAction.SYNCED,
                Actor.system(), "", null, null, "-1 star\r"));
        assertThat(out.toString()).isEqualTo("2026-11-27T03:15:00Z,317db3e5-48d2-3698-941f-a80ef9bac8da,SYNCED,SYSTEM,,"
                + "SalonMate,,,,\"'-1 star\r\"\r\n");
    }
}
