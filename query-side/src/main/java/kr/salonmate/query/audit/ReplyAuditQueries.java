package kr.salonmate.query.audit;

import java.util.List;
import kr.salonmate.messages.review.AuditEntry;
import kr.salonmate.messages.review.FetchReviewHistory;
import kr.salonmate.query.ConditionalOnQuerySide;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers from the audit trail. */
@Component
@ConditionalOnQuerySide
public class ReplyAuditQueries {

    private final AuditRows rows;

    ReplyAuditQueries(AuditRows rows) {
        this.rows = rows;
    }

    /** The review's history, oldest first; empty for an unknown review or one of another shop. */
    @QueryHandler
    public List<AuditEntry> handle(FetchReviewHistory query) {
        return rows.findByReviewIdAndShopIdOrderBySequenceAsc(query.reviewId().value(), query.shopId().value())
                .stream().map(AuditRow::toEntry).toList();
    }
}
