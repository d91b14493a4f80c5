package kr.salonmate.api.member;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.InvitationAccepted;
import kr.salonmate.messages.shop.InvitationRevoked;
import kr.salonmate.messages.shop.MemberAdded;
import kr.salonmate.messages.shop.MemberInvited;
import kr.salonmate.messages.privacy.SubjectKind;
import kr.salonmate.messages.privacy.UserErased;
import kr.salonmate.messages.shop.MemberRemoved;
import kr.salonmate.messages.shop.MemberRole;
import kr.salonmate.messages.shop.MemberRoleChanged;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code shop_membership}, the table every access check reads, kept from the Shop's membership events. Every write
 * is an upsert or a delete, so an event handled twice changes nothing, and a replay rebuilds the table. A shop's
 * events are handled in their order (one sequence per shop), so a later removal is never undone by an earlier add.
 * Each membership event is also a line of the shop's membership audit ({@code shop_member_audit}, keyed by the
 * event's sequence in the shop, so redelivery adds nothing).
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
    void on(MemberAdded e, @SequenceNumber long sequence) {
        upsert(e.shopId(), e.userId(), e.role(), e.at());
        audit(e.shopId(), sequence, e.at(), "MEMBER_ADDED", e.addedBy(), e.userId(), null, e.role());
    }

    @EventHandler
    void on(InvitationAccepted e, @SequenceNumber long sequence) {
        upsert(e.shopId(), e.userId(), e.role(), e.at());
        audit(e.shopId(), sequence, e.at(), "INVITATION_ACCEPTED", e.acceptedBy(), e.userId(), e.invitationId(),
                e.role());
    }

    @EventHandler
    void on(MemberRoleChanged e, @SequenceNumber long sequence) {
        jdbc.update("UPDATE shop_membership SET role = ? WHERE shop_id = ? AND user_id = ?",
                e.role().name(), e.shopId().value(), e.userId());
        audit(e.shopId(), sequence, e.at(), "ROLE_CHANGED", e.changedBy(), e.userId(), null, e.role());
    }

    @EventHandler
    void on(MemberRemoved e, @SequenceNumber long sequence) {
        jdbc.update("DELETE FROM shop_membership WHERE shop_id = ? AND user_id = ?", e.shopId().value(), e.userId());
        boolean left = e.removedBy() != null && e.userId().equals(e.removedBy().userId());
        audit(e.shopId(), sequence, e.at(), left ? "MEMBER_LEFT" : "MEMBER_REMOVED", e.removedBy(), e.userId(), null,
                e.role());
    }

    @EventHandler
    void on(MemberInvited e, @SequenceNumber long sequence) {
        // the invited address stays in the event only (personal data, to be encrypted there), not in this table
        audit(e.shopId(), sequence, e.at(), "MEMBER_INVITED", e.invitedBy(), null, e.invitationId(), e.role());
    }

    @EventHandler
    void on(InvitationRevoked e, @SequenceNumber long sequence) {
        audit(e.shopId(), sequence, e.at(), "INVITATION_REVOKED", e.revokedBy(), null, e.invitationId(), null);
    }

    /** A deleted user's name goes from the membership audit; the entries stay (API.md "Privacy"). */
    @EventHandler
    void on(UserErased e) {
        jdbc.update("UPDATE shop_member_audit SET actor_name = ? WHERE actor_user_id = ?", SubjectKind.DELETED_USER,
                e.userId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM shop_membership");
        jdbc.update("DELETE FROM shop_member_audit");
    }

    private void audit(ShopId shopId, long sequence, Instant at, String action, Actor actor, UUID memberId,
                       UUID invitationId, MemberRole role) {
        jdbc.update("""
                INSERT INTO shop_member_audit (shop_id, sequence, occurred_at, action, actor_type, actor_user_id,
                    actor_name, member_user_id, invitation_id, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (shop_id, sequence) DO NOTHING""",
                shopId.value(), sequence, Timestamp.from(at), action, actor == null ? "SYSTEM" : actor.type().name(),
                actor == null ? null : actor.userId(), actor == null ? null : actor.name(), memberId, invitationId,
                role == null ? null : role.name());
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
