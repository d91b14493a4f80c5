package kr.salonmate.api.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Users and shop memberships. Accounts are plain rows, not event-sourced: they are access control, not
 * business history.
 */
@Repository
public class AccountStore {

    private final JdbcTemplate jdbc;

    public AccountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public void insertUser(UserAccount user, Instant at) {
        jdbc.update("""
                INSERT INTO app_user (id, email, name, password_hash, locale, created_at) VALUES (?, ?, ?, ?, ?, ?)""",
                user.id(), user.email(), user.name(), user.passwordHash(), user.locale(), Timestamp.from(at));
    }

    public boolean emailTaken(String email) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM app_user WHERE email = ?", Integer.class, email);
        return count != null && count > 0;
    }

    private static final String USER_COLUMNS =
            "SELECT id, email, name, password_hash, locale, email_verified_at IS NOT NULL FROM app_user ";

    private static UserAccount user(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new UserAccount(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBoolean(6));
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.query(USER_COLUMNS + "WHERE email = ?", AccountStore::user, email).stream().findFirst();
    }

    public Optional<UserAccount> findById(UUID id) {
        return jdbc.query(USER_COLUMNS + "WHERE id = ?", AccountStore::user, id).stream().findFirst();
    }

    /**
     * Marks the address verified, if it is still the account's address (the proof was for that address only);
     * returns whether the account now has it verified.
     */
    public boolean markEmailVerified(UUID userId, String email, Instant at) {
        return jdbc.update("""
                UPDATE app_user SET email_verified_at = coalesce(email_verified_at, ?) WHERE id = ? AND email = ?""",
                Timestamp.from(at), userId, email) == 1;
    }

    public void changePassword(UUID userId, String passwordHash) {
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE id = ?", passwordHash, userId);
    }

    public void addMembership(UUID shopId, String shopName, UUID userId, Role role, Instant at) {
        jdbc.update("""
                INSERT INTO shop_membership (shop_id, user_id, shop_name, role, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (shop_id, user_id) DO UPDATE SET role = excluded.role""",
                shopId, userId, shopName, role.name(), Timestamp.from(at));
    }

    public List<Membership> memberships(UUID userId) {
        return jdbc.query("""
                SELECT shop_id, shop_name, role FROM shop_membership WHERE user_id = ? ORDER BY created_at, shop_id""",
                (rs, i) -> new Membership(rs.getObject(1, UUID.class), rs.getString(2), Role.valueOf(rs.getString(3))),
                userId);
    }

    /** The shops each of these users belongs to now (one query, for checks that run over many sessions). */
    public Map<UUID, Set<UUID>> shopsOf(Collection<UUID> userIds) {
        Map<UUID, Set<UUID>> shops = new HashMap<>();
        if (userIds.isEmpty()) {
            return shops;
        }
        jdbc.query("SELECT user_id, shop_id FROM shop_membership WHERE user_id = ANY (?)",
                (java.sql.ResultSet rs) -> {
                    shops.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashSet<>())
                            .add(rs.getObject(2, UUID.class));
                },
                (Object) userIds.toArray(UUID[]::new));
        return shops;
    }

    public Optional<Role> roleIn(UUID shopId, UUID userId) {
        return jdbc.query("SELECT role FROM shop_membership WHERE shop_id = ? AND user_id = ?",
                (rs, i) -> Role.valueOf(rs.getString(1)), shopId, userId).stream().findFirst();
    }
}
