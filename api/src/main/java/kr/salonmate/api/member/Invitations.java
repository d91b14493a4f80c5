package kr.salonmate.api.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.security.SecretTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The invitation tokens: 256 random bits mailed once and kept only as their SHA-256 (as {@code one_time_token}
 * does), so a copy of the database lets nobody join a shop. Whether an invitation may be taken up is the Shop
 * aggregate's decision; this table answers which invitation a token is, and lists the pending ones.
 */
@Repository
public class Invitations {

    /** One invitation row; {@code state} says whether it is still open. */
    public record Invitation(UUID id, UUID shopId, String shopName, String email, Role role, Instant invitedAt,
                             Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

        /** Why this invitation cannot be taken up at {@code now}, or {@code null} when it can. */
        public String closedReason(Instant now) {
            if (acceptedAt != null) {
                return "USED";
            }
            if (revokedAt != null) {
                return "REVOKED";
            }
            return now.isBefore(expiresAt) ? null : "EXPIRED";
        }
    }

    private static final String COLUMNS = "SELECT id, shop_id, shop_name, email, role, invited_at, expires_at, "
            + "accepted_at, revoked_at FROM shop_invitation ";

    private final JdbcTemplate jdbc;

    public Invitations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new invitation and returns its token, which the caller mails and forgets. */
    String insert(UUID id, UUID shopId, String shopName, String email, Role role, UUID invitedBy, Instant at,
                  Instant expiresAt) {
        String token = SecretTokens.newToken();
        jdbc.update("""
                INSERT INTO shop_invitation (id, shop_id, shop_name, email, role, token_hash, invited_by, invited_at,
                    expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, shopId, shopName, email, role.name(), SecretTokens.hash(token), invitedBy, Timestamp.from(at),
                Timestamp.from(expiresAt));
        return token;
    }

    Optional<Invitation> byToken(String token) {
        return jdbc.query(COLUMNS + "WHERE token_hash = ?", Invitations::invitation, SecretTokens.hash(token)).stream().findFirst();
    }

    Optional<Invitation> byId(UUID shopId, UUID id) {
        return jdbc.query(COLUMNS + "WHERE shop_id = ? AND id = ?", Invitations::invitation, shopId, id).stream()
                .findFirst();
    }

    /** Takes the invitation up; false when another request did so (or revoked it) first. */
    boolean markAccepted(UUID id, UUID userId, Instant at) {
        return jdbc.update("""
                UPDATE shop_invitation SET accepted_at = ?, accepted_by = ?
                WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?""",
                Timestamp.from(at), userId, id, Timestamp.from(at)) == 1;
    }

    boolean markRevoked(UUID id, Instant at) {
        return jdbc.update("""
                UPDATE shop_invitation SET revoked_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL""",
                Timestamp.from(at), id) == 1;
    }

    /** The shop's invitations that can still be taken up, oldest first. */
    public List<Invitation> pendingOf(UUID shopId, Instant now) {
        return jdbc.query(COLUMNS + """
                        WHERE shop_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?
                        ORDER BY invited_at, id""",
                Invitations::invitation, shopId, Timestamp.from(now));
    }

    /** The invitations waiting for an address (the signed-in account's), oldest first. */
    public List<Invitation> pendingFor(String email, Instant now) {
        return jdbc.query(COLUMNS + """
                        WHERE email = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?
                        ORDER BY invited_at, id""",
                Invitations::invitation, email, Timestamp.from(now));
    }

    private static Invitation invitation(ResultSet rs, int row) throws SQLException {
        return new Invitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), Role.valueOf(rs.getString(5)), instant(rs, 6), instant(rs, 7), instant(rs, 8),
                instant(rs, 9));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

}
