package kr.salonmate.query.dashboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewStatus;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.ReadModelRow;
import kr.salonmate.query.review.ReviewStatusRules;

/** The facts about one review that the dashboard counts. */
@Entity
@Table(name = "dashboard_review")
public class DashboardReviewRow extends ReadModelRow {

    @Id
    @Column(name = "review_id")
    private UUID reviewId;
    @Column(name = "shop_id", nullable = false)
    private UUID shopId;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ReviewStatus status;
    @Column(name = "rating", nullable = false)
    private int rating;
    @Column(name = "has_reply_text", nullable = false)
    private boolean hasReplyText;
    @Column(name = "review_created_at", nullable = false)
    private Instant reviewCreatedAt;
    @Column(name = "published_at")
    private Instant publishedAt;

    protected DashboardReviewRow() {
    }

    static DashboardReviewRow received(ReviewReceived e, long sequence) {
        DashboardReviewRow row = new DashboardReviewRow();
        row.markNew(sequence);
        row.reviewId = e.reviewId().value();
        row.shopId = e.shopId().value();
        row.status = ReviewStatusRules.after(e, null, false);
        row.rating = e.rating();
        row.reviewCreatedAt = e.createdAt() != null ? e.createdAt() : e.receivedAt();
        return row;
    }

    /** Moves the status on as the review aggregate does for {@code event}. */
    void apply(Object event) {
        status = ReviewStatusRules.after(event, status, hasReplyText);
    }

    void rated(int rating) {
        this.rating = rating;
    }

    void replyWritten() {
        hasReplyText = true;
    }

    void published(Instant at) {
        publishedAt = at;
    }

    ShopId shopId() {
        return new ShopId(shopId);
    }

    @Override
    public UUID getId() {
        return reviewId;
    }
}
