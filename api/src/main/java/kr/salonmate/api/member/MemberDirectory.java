package kr.salonmate.api.member;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import kr.salonmate.api.account.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the members of a shop from {@code shop_membership} (with each account's current e-mail and name), and
 * lets an endpoint wait until the projection shows what its own command did: the next request of anybody then
 * sees it, which is what "a removed member loses access at once" needs.
 */
@Repository
public class MemberDirectory {

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(5);

    public record Member(UUID userId, String email, String name, Role role, Instant joinedAt) {
    }

    private final JdbcTemplate jdbc;

    public MemberDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Member> membersOf(UUID shopId) {
        return jdbc.query("""
                SELECT m.user_id, u.email, u.name, m.role, m.created_at
                FROM shop_membership m JOIN app_user u ON u.id = m.user_id
                WHERE m.shop_id = ? ORDER BY m.created_at, m.user_id""",
                (rs, i) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()), shopId);
    }

    public Optional<Member> member(UUID shopId, UUID userId) {
        return membersOf(shopId).stream().filter(m -> m.userId().equals(userId)).findFirst();
    }

    /** The member once the projection shows them as {@code expected} wants (or as they are after the limit). */
    Optional<Member> awaitMember(UUID shopId, UUID userId, Predicate<Optional<Member>> expected) {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        long pause = 5;
        Optional<Member> current = member(shopId, userId);
        while (!expected.test(current) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause = Math.min(pause * 2, 50);
            current = member(shopId, userId);
        }
        return current;
    }
}
