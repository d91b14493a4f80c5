package kr.salonmate.query.dashboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import kr.salonmate.messages.post.PostCreated;
import kr.salonmate.messages.post.PostStatus;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.ReadModelRow;
import kr.salonmate.query.post.PostStatusRules;

/** The one fact about a post that the dashboard counts: its status. */
@Entity
@Table(name = "dashboard_post")
public class DashboardPostRow extends ReadModelRow {

    @Id
    @Column(name = "post_id")
    private UUID postId;
    @Column(name = "shop_id", nullable = false)
    private UUID shopId;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private PostStatus status;

    protected DashboardPostRow() {
    }

    static DashboardPostRow created(PostCreated e, long sequence) {
        DashboardPostRow row = new DashboardPostRow();
        row.markNew(sequence);
        row.postId = e.postId().value();
        row.shopId = e.shopId().value();
        row.status = PostStatusRules.after(e, null);
        return row;
    }

    /** Moves the status on; false when this event (by its sequence number) has been applied already. */
    boolean apply(Object event, long sequence) {
        if (hasSeen(sequence)) {
            return false;
        }
        status = PostStatusRules.after(event, status);
        advanceTo(sequence);
        return true;
    }

    ShopId shopId() {
        return new ShopId(shopId);
    }

    @Override
    public UUID getId() {
        return postId;
    }
}
