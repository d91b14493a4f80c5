package kr.salonmate.query.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.common.ActorType;
import kr.salonmate.messages.review.AuditAction;
import kr.salonmate.messages.review.AuditEntry;
import kr.salonmate.messages.review.ReviewId;

/** One line of a review's audit trail. Written only by {@link ReplyAuditProjection} (insert, never update). */
@Entity
@Table(name = "reply_audit")
public class AuditRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;
    @Column(name = "review_id", nullable = false)
    private UUID reviewId;
    @Column(name = "shop_id", nullable = false)
    private UUID shopId;
    @Column(name = "sequence", nullable = false)
    private long sequence;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false)
    private AuditAction action;
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false)
    private ActorType actorType;
    @Column(name = "actor_user_id")
    private UUID actorUserId;
    @Column(name = "actor_name")
    private String actorName;
    @Column(name = "text")
    private String text;
    @Column(name = "previous_text")
    private String previousText;
    @Column(name = "model")
    private String model;
    @Column(name = "detail")
    private String detail;

    protected AuditRow() {
    }

    public AuditEntry toEntry() {
        return new AuditEntry(new ReviewId(reviewId), sequence, occurredAt, action,
                new Actor(actorType, actorUserId, actorName), text, previousText, model, detail);
    }
}
