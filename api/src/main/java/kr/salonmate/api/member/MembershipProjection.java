package kr.salonmate.api.member;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.InvitationAccepted;
import kr.salonmate.messages.shop.MemberAdded;
import kr.salonmate.messages.shop.MemberRemoved;
import kr.salonmate.messages.shop.MemberRole;
import kr.salonmate.messages.shop.MemberRoleChanged;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code shop_membership}, the table every access check reads, kept from the Shop's membership events. Every write
 * is an upsert or a delete, so an event handled twice changes nothing, and a replay rebuilds the table. A shop's
 * events are handled in their order (one sequence per shop), so a later removal is never undone by an earlier add.
 */
@Component
@ProcessingGroup(MembershipProjection.GROUP)
public class MembershipProjection {

    public static final String GROUP = "memberships";

    private final JdbcTemplate jdbc;

    public MembershipProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ShopRegistered e) {
        if (e.owner() != null && e.owner().userId() != null) {
            // the founding owner: sign-up wrote this row already (read-your-writes); this keeps it on replay
            jdbc.update("""
                    INSERT INTO shop_membership (shop_id, user_id, shop_name, role, created_at)
                    SELECT ?, ?, ?, 'OWNER', ? WHERE EXISTS (SELECT 1 FROM app_user WHERE id = ?)
                    ON CONFLICT (shop_id, user_id) DO UPDATE SET role = excluded.role""",
                    e.shopId().value(), e.owner().userId(), e.name(), Timestamp.from(e.at()), e.owner().userId());
        }
    }

    @EventHandler
    void on(MemberAdded e) {
        upsert(e.shopId(), e.userId(), e.role(), e.at());
    }

    @EventHandler
    void on(InvitationAccepted e) {
        upsert(e.shopId(), e.userId(), e.role(), e.at());
    }

    @EventHandler
    void on(MemberRoleChanged e) {
        jdbc.update("UPDATE shop_membership SET role = ? WHERE shop_id = ? AND user_id = ?",
                e.role().name(), e.shopId().value(), e.userId());
    }

    @EventHandler
    void on(MemberRemoved e) {
        jdbc.update("DELETE FROM shop_membership WHERE shop_id = ? AND user_id = ?", e.shopId().value(), e.userId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM shop_membership");
    }

    /**
     * The shop's name comes from a row of the same shop (there is always its OWNER's: a shop never loses its last
     * one); an account deleted since is skipped, so a replay does not trip over the foreign key.
     */
    private void upsert(ShopId shopId, UUID userId, MemberRole role, Instant at) {
        jdbc.update("""
                INSERT INTO shop_membership (shop_id, user_id, shop_name, role, created_at)
                SELECT ?, ?, coalesce((SELECT shop_name FROM shop_membership WHERE shop_id = ? LIMIT 1), ''), ?, ?
                WHERE EXISTS (SELECT 1 FROM app_user WHERE id = ?)
                ON CONFLICT (shop_id, user_id) DO UPDATE SET role = excluded.role""",
                shopId.value(), userId, shopId.value(), role.name(), Timestamp.from(at), userId);
    }
}
