package kr.salonmate.query.dashboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The shop-level facts of the dashboard: when its reviews were last synced, whether its AI quota is used up. */
@Entity
@Table(name = "dashboard_shop")
public class DashboardShopRow {

    @Id
    @Column(name = "shop_id")
    private UUID shopId;
    @Column(name = "last_sync_at")
    private Instant lastSyncAt;
    @Column(name = "version", nullable = false)
    private long version;
    /** Automatic drafting waits for the AI quota; guarded by the billing aggregate's own sequence. */
    @Column(name = "quota_exceeded", nullable = false)
    private boolean quotaExceeded;
    @Column(name = "quota_version", nullable = false)
    private long quotaVersion = -1;

    protected DashboardShopRow() {
    }

    DashboardShopRow(UUID shopId) {
        this.shopId = shopId;
        this.version = -1;
    }

    /** Records a sync; false when this event (by its sequence number) has been applied already. */
    boolean synced(Instant at, long sequence) {
        if (sequence <= version) {
            return false;
        }
        lastSyncAt = at;
        version = sequence;
        return true;
    }

    /** Records the quota running out or allowing again; false when seen already. */
    boolean quotaExceeded(boolean exceeded, long sequence) {
        if (sequence <= quotaVersion) {
            return false;
        }
        quotaExceeded = exceeded;
        quotaVersion = sequence;
        return true;
    }

    Instant lastSyncAt() {
        return lastSyncAt;
    }
}
