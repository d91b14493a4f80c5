package kr.salonmate.api.member;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.Mails;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.MemberAdded;
import kr.salonmate.messages.shop.MemberRemoved;
import kr.salonmate.messages.shop.MemberRole;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** shop_membership is the projection of the Shop's events: a replay rebuilds it, redelivery changes nothing. */
class MembershipReplayTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MembershipProjection projection;

    private List<String> rowsOf(String shopId) {
        return jdbc.query("SELECT user_id, role FROM shop_membership WHERE shop_id = ?::uuid ORDER BY user_id",
                (rs, i) -> rs.getString(1) + ":" + rs.getString(2), shopId);
    }

    private List<String> auditOf(String shopId) {
        return jdbc.query("SELECT sequence, action FROM shop_member_audit WHERE shop_id = ?::uuid ORDER BY sequence",
                (rs, i) -> rs.getLong(1) + ":" + rs.getString(2), shopId);
    }

    private void add(Owner owner, String email, String role) {
        HttpApi.Response added = api.post(owner.shop("/members"), owner.token(), Map.of("email", email, "role", role));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    @Test
    void aReplayRebuildsTheMembershipsFromTheShopsEvents() {
        Owner owner = signUp("리플레이 멤버 살롱");
        Owner manager = signUp("리플레이 매니저");
        Owner leaving = signUp("리플레이 떠나는 사람");
        add(owner, manager.email(), "STAFF");
        assertThat(api.put(owner.shop("/members/" + manager.userId()), owner.token(), Map.of("role", "MANAGER"))
                .status()).isEqualTo(200);
        add(owner, leaving.email(), "STAFF");
        assertThat(api.send("DELETE", owner.shop("/members/" + leaving.userId()), leaving.token(), null, Map.of())
                .status()).isEqualTo(204);
        String email = "replay-" + UUID.randomUUID() + "@salon.test";
        add(owner, email, "STAFF");
        String token = Mails.awaitEmlToken(Mails.TEST_OUTBOX, email, "accept-invitation");
        HttpApi.Response signup = api.post("/v1/auth/signup", null, Map.of("email", email,
                "password", "correct horse battery", "name", "초대받은 사람", "shopName", "다른 살롱"));
        String invitee = signup.json().path("user").path("id").asText();
        assertThat(api.post("/v1/invitations/accept", signup.json().path("accessToken").asText(),
                Map.of("token", token)).status()).isEqualTo(200);

        List<String> auditBefore = eventually(() -> auditOf(owner.shopId()), rows -> rows.size() == 6,
                "the membership audit");
        assertThat(auditBefore).containsExactly("1:MEMBER_ADDED", "2:ROLE_CHANGED", "3:MEMBER_ADDED", "4:MEMBER_LEFT",
                "5:MEMBER_INVITED", "6:INVITATION_ACCEPTED");
        List<String> before = rowsOf(owner.shopId());
        assertThat(before).containsExactlyInAnyOrder(owner.userId() + ":OWNER", manager.userId() + ":MANAGER",
                invitee + ":STAFF");

        // spoil the table: the rows go, and the member who left is back as an OWNER
        jdbc.update("DELETE FROM shop_membership WHERE shop_id = ?::uuid", owner.shopId());
        jdbc.update("""
                INSERT INTO shop_membership (shop_id, user_id, shop_name, role, created_at)
                VALUES (?::uuid, ?::uuid, 'x', 'OWNER', now())""", owner.shopId(), leaving.userId());
        assertThat(api.get(owner.shop(""), leaving.token()).status()).isEqualTo(200);

        StreamingEventProcessor processor = processing
                .eventProcessor(MembershipProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        jdbc.update("DELETE FROM shop_member_audit WHERE shop_id = ?::uuid", owner.shopId());
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        eventually(() -> rowsOf(owner.shopId()), rows -> rows.equals(before), "the memberships rebuilt by replay");
        eventually(() -> auditOf(owner.shopId()), rows -> rows.equals(auditBefore), "the audit rebuilt by replay");
        assertThat(api.get(owner.shop(""), leaving.token()).status()).isEqualTo(403);
        assertThat(api.get(owner.shop(""), manager.token()).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT shop_name FROM shop_membership WHERE shop_id = ?::uuid AND user_id = ?::uuid",
                String.class, owner.shopId(), invitee)).isEqualTo("리플레이 멤버 살롱");
    }

    @Test
    void anEventHandledTwiceChangesNothing() {
        Owner owner = signUp("중복 이벤트 살롱");
        Owner member = signUp("중복 이벤트 멤버");
        ShopId shop = ShopId.of(owner.shopId());
        UUID memberId = UUID.fromString(member.userId());
        Actor by = Actor.user(UUID.fromString(owner.userId()), "김사장");
        MemberAdded added = new MemberAdded(shop, memberId, MemberRole.MANAGER, by, Instant.now());
        projection.on(added, 7);
        projection.on(added, 7);
        assertThat(rowsOf(owner.shopId())).containsExactlyInAnyOrder(owner.userId() + ":OWNER",
                member.userId() + ":MANAGER");
        MemberRemoved removed = new MemberRemoved(shop, memberId, MemberRole.MANAGER, by, Instant.now());
        projection.on(removed, 8);
        projection.on(removed, 8);
        assertThat(rowsOf(owner.shopId())).containsExactly(owner.userId() + ":OWNER");
        assertThat(auditOf(owner.shopId())).containsExactly("7:MEMBER_ADDED", "8:MEMBER_REMOVED");
    }
}
