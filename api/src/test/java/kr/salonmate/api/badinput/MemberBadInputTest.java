package kr.salonmate.api.badinput;

import static kr.salonmate.api.support.Errors.assertError;
import static kr.salonmate.api.support.Errors.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bad-input catalogue on the member endpoints: malformed and unknown-field bodies, roles out of range, empty,
 * huge and hostile e-mails, wrong content types and ids that are not UUIDs each get the documented error, and
 * nothing is written (no member, no invitation, no mail).
 */
class MemberBadInputTest extends IntegrationTest {

    private static Owner owner;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void shareOneShop() {
        if (owner == null) {
            owner = signUp("살롱 멤버 입력검사");
        }
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private int invitations() {
        return jdbc.queryForObject("SELECT count(*) FROM shop_invitation WHERE shop_id = ?::uuid", Integer.class,
                owner.shopId());
    }

    private int members() {
        return jdbc.queryForObject("SELECT count(*) FROM shop_membership WHERE shop_id = ?::uuid", Integer.class,
                owner.shopId());
    }

    @Test
    void badAddRequestsAreRefusedAndWriteNothing() {
        String post = owner.shop("/members");
        assertError(api.send("POST", post, owner.token(), "{\"email\": \"a@b.c\"", Map.of()), 400,
                "MALFORMED_REQUEST");
        assertError(api.send("POST", post, owner.token(), "", Map.of()), 400, "MALFORMED_REQUEST");
        assertInvalid(api.post(post, owner.token(), body("role", "STAFF")), "email");
        assertInvalid(api.post(post, owner.token(), body("email", "", "role", "STAFF")), "email");
        assertInvalid(api.post(post, owner.token(), body("email", "not an address", "role", "STAFF")), "email");
        assertInvalid(api.post(post, owner.token(), body("email", "x".repeat(10_000) + "@salon.test", "role",
                "STAFF")), "email");
        assertInvalid(api.post(post, owner.token(), body("email", "'; DROP TABLE shop_membership;--@x.y",
                "role", "STAFF")), "email");
        assertInvalid(api.post(post, owner.token(), body("email", "new@salon.test")), "role");
        assertInvalid(api.post(post, owner.token(), body("email", "new@salon.test", "role", "ADMIN")), "role");
        assertInvalid(api.post(post, owner.token(), body("email", "new@salon.test", "role", 3)), "role");
        assertInvalid(api.post(post, owner.token(), body("email", 42, "role", "STAFF")), "email");
        assertInvalid(api.post(post, owner.token(), body("email", "new@salon.test", "role", "STAFF", "extra", "x")),
                "extra");
        assertError(api.send("POST", post, owner.token(), "{\"email\":\"new@salon.test\",\"role\":\"STAFF\"}",
                Map.of("Content-Type", "text/plain")), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(invitations()).isZero();
        assertThat(members()).isEqualTo(1);
    }

    @Test
    void badRoleChangesAndIdsAreRefused() {
        String put = owner.shop("/members/" + owner.userId());
        assertError(api.send("PUT", put, owner.token(), "{\"role\":", Map.of()), 400, "MALFORMED_REQUEST");
        assertInvalid(api.put(put, owner.token(), body()), "role");
        assertInvalid(api.put(put, owner.token(), body("role", "")), "role");
        assertInvalid(api.put(put, owner.token(), body("role", "MANAGER", "userId", owner.userId())), "userId");
        assertError(api.put(owner.shop("/members/not-a-uuid"), owner.token(), body("role", "STAFF")), 400,
                "VALIDATION_FAILED");
        assertError(api.send("DELETE", owner.shop("/members/not-a-uuid"), owner.token(), null, Map.of()), 400,
                "VALIDATION_FAILED");
        assertError(api.send("DELETE", owner.shop("/invitations/DROP-TABLE"), owner.token(), null, Map.of()), 400,
                "VALIDATION_FAILED");
        assertError(api.put(owner.shop("/members/" + java.util.UUID.randomUUID()), owner.token(),
                body("role", "STAFF")), 404, "MEMBER_NOT_FOUND");
        assertThat(members()).isEqualTo(1);
        assertThat(api.get(owner.shop("/members"), owner.token()).json().path("items").get(0).path("role").asText())
                .isEqualTo("OWNER");
    }

    @Test
    void badAcceptRequestsAreRefused() {
        String accept = "/v1/invitations/accept";
        assertError(api.send("POST", accept, owner.token(), "{\"token\"", Map.of()), 400, "MALFORMED_REQUEST");
        assertInvalid(api.post(accept, owner.token(), body()), "token");
        assertInvalid(api.post(accept, owner.token(), body("token", "")), "token");
        assertInvalid(api.post(accept, owner.token(), body("token", "x".repeat(10_000))), "token");
        assertInvalid(api.post(accept, owner.token(), body("token", "abc", "shopId", owner.shopId())), "shopId");
        HttpApi.Response hostile = api.post(accept, owner.token(), body("token", "<script>alert(1)</script>' OR 1=1"));
        assertError(hostile, 410, "GONE");
        assertError(api.post(accept, null, body("token", "abc")), 401, "UNAUTHENTICATED");
        for (String path : List.of(owner.shop("/members"))) {
            assertError(api.get(path, null), 401, "UNAUTHENTICATED");
            assertError(api.get(path, "forged.token.value"), 401, "UNAUTHENTICATED");
        }
    }
}
