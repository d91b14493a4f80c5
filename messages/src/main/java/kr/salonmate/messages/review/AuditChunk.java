package kr.salonmate.messages.review;

import java.util.List;

/** One chunk of a {@link ScrollAuditEntries} read; {@code next} is null after the last chunk. */
public record AuditChunk(List<AuditEntry> items, AuditCursor next) {

    public AuditChunk {
        items = List.copyOf(items);
    }
}
