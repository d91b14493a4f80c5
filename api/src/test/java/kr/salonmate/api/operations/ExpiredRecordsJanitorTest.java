package kr.salonmate.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.housekeeping.ExpiredRecordsJanitor;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Expired refresh tokens, old idempotency records and used or expired one-time tokens and invitations are deleted
 * by the janitor that runs on a schedule on every node; what can still be used (or must still be recognised, such as
 * a used refresh token of a live login) stays. A second pass, as another node would run it, finds nothing more.
 */
class ExpiredRecordsJanitorTest extends IntegrationTest {

    @Autowired
    private ExpiredRecordsJanitor janitor;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void whatCanNeverBeUsedAgainIsDeletedAndTheRestStays() {
        Owner owner = signUp("살롱 청소");
        UUID user = UUID.fromString(owner.userId());
        Instant now = Instant.now();
        Instant longAgo = now.minus(Duration.ofDays(8));
        Instant lately = now.minus(Duration.ofDays(1));

        String expiredRefresh = refreshToken(user, longAgo, null);
        String recentlyExpiredRefresh = refreshToken(user, lately, null);
        String usedLiveRefresh = refreshToken(user, now.plus(Duration.ofDays(6)), now.minus(Duration.ofHours(1)));
        String oldIdempotency = idempotency(user, now.minus(Duration.ofHours(25)));
        String freshIdempotency = idempotency(user, now.minus(Duration.ofHours(23)));
        String usedLongAgo = oneTimeToken(user, now.plus(Duration.ofHours(1)), longAgo);
        String expiredLongAgo = oneTimeToken(user, longAgo, null);
        String usedLately = oneTimeToken(user, now.plus(Duration.ofHours(1)), lately);
        String unused = oneTimeToken(user, now.plus(Duration.ofHours(1)), null);
        UUID invitationExpiredLongAgo = invitation(owner, longAgo, null);
        UUID invitationAcceptedLongAgo = invitation(owner, now.plus(Duration.ofDays(1)), longAgo);
        UUID invitationPending = invitation(owner, now.plus(Duration.ofDays(7)), null);

        assertThat(janitor.isRunning()).as("scheduled on this node").isTrue();
        Map<String, Integer> removed = janitor.cleanUp();

        assertThat(exists("refresh_token", "token_hash", expiredRefresh)).isFalse();
        assertThat(exists("refresh_token", "token_hash", recentlyExpiredRefresh)).isTrue();
        assertThat(exists("refresh_token", "token_hash", usedLiveRefresh)).as("reuse must still be detected").isTrue();
        assertThat(exists("idempotency_record", "idem_key", oldIdempotency)).isFalse();
        assertThat(exists("idempotency_record", "idem_key", freshIdempotency)).isTrue();
        assertThat(exists("one_time_token", "token_hash", usedLongAgo)).isFalse();
        assertThat(exists("one_time_token", "token_hash", expiredLongAgo)).isFalse();
        assertThat(exists("one_time_token", "token_hash", usedLately)).isTrue();
        assertThat(exists("one_time_token", "token_hash", unused)).isTrue();
        assertThat(exists("shop_invitation", "id", invitationExpiredLongAgo)).isFalse();
        assertThat(exists("shop_invitation", "id", invitationAcceptedLongAgo)).isFalse();
        assertThat(exists("shop_invitation", "id", invitationPending)).isTrue();
        assertThat(removed.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(6);

        assertThat(janitor.cleanUp().values()).as("a second pass (another node) finds nothing more").containsOnly(0);
        HttpApi.Response refreshed = api.post("/v1/auth/refresh", null, Map.of("refreshToken", owner.refreshToken()));
        assertThat(refreshed.status()).as("the owner's own login goes on").isEqualTo(200);
    }

    private String refreshToken(UUID user, Instant expiresAt, Instant usedAt) {
        String hash = hash();
        jdbc.update("""
                INSERT INTO refresh_token (token_hash, user_id, family_id, created_at, expires_at, used_at, session_started_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", hash, user, UUID.randomUUID(), ts(expiresAt.minus(Duration.ofDays(7))),
                ts(expiresAt), usedAt == null ? null : ts(usedAt), ts(expiresAt.minus(Duration.ofDays(7))));
        return hash;
    }

    private String idempotency(UUID user, Instant createdAt) {
        String key = "janitor-" + UUID.randomUUID();
        jdbc.update("""
                INSERT INTO idempotency_record (user_id, endpoint, idem_key, request_hash, status, created_at)
                VALUES (?, 'POST /v1/shops', ?, 'x', 201, ?)""", user, key, ts(createdAt));
        return key;
    }

    private String oneTimeToken(UUID user, Instant expiresAt, Instant usedAt) {
        String hash = hash();
        jdbc.update("""
                INSERT INTO one_time_token (token_hash, purpose, user_id, email, created_at, expires_at, used_at)
                VALUES (?, 'RESET_PASSWORD', ?, 'x@salon.test', ?, ?, ?)""", hash, user,
                ts(expiresAt.minus(Duration.ofHours(1))), ts(expiresAt), usedAt == null ? null : ts(usedAt));
        return hash;
    }

    private UUID invitation(Owner owner, Instant expiresAt, Instant acceptedAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO shop_invitation (id, shop_id, shop_name, email, role, token_hash, invited_at, expires_at,
                                             accepted_at)
                VALUES (?, ?::uuid, '살롱', ?, 'STAFF', ?, ?, ?, ?)""", id, owner.shopId(),
                "invited-" + id + "@salon.test", hash(), ts(expiresAt.minus(Duration.ofDays(7))), ts(expiresAt),
                acceptedAt == null ? null : ts(acceptedAt));
        return id;
    }

    private boolean exists(String table, String column, Object value) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + column + " = ?", Integer.class,
                value) == 1;
    }

    private static String hash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 64);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
