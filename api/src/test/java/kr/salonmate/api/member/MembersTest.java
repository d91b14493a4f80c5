package kr.salonmate.api.member;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.security.SecretTokens;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.Mails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Members and invitations through the HTTP API on PostgreSQL: adding an account, inviting an address, taking an
 * invitation up with the mailed token, roles, LAST_OWNER, removal and leaving, and who may do what.
 */
class MembersTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private Owner signUpWith(String email, String locale) {
        HttpApi.Response response = api.post("/v1/auth/signup", null, Map.of(
                "email", email, "password", "correct horse battery", "name", "박디자이너",
                "shopName", "자기 살롱", "locale", locale));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        return new Owner(body.path("user").path("id").asText(), email, body.path("shop").path("id").asText(),
                body.path("accessToken").asText(), body.path("refreshToken").asText());
    }

    private static String newAddress() {
        return "invitee-" + UUID.randomUUID() + "@salon.test";
    }

    private HttpApi.Response add(Owner owner, String email, String role) {
        return api.post(owner.shop("/members"), owner.token(), Map.of("email", email, "role", role));
    }

    private HttpApi.Response accept(String token, String accessToken) {
        return api.post("/v1/invitations/accept", accessToken, Map.of("token", token));
    }

    private HttpApi.Response delete(String path, String token) {
        return api.send("DELETE", path, token, null, Map.of());
    }

    private static void assertError(HttpApi.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("error").path("code").asText()).as(response.body()).isEqualTo(code);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    // --- adding an account ----------------------------------------------------------------------------------

    @Test
    void anAccountIsAddedAtOnceToldByMailAndHasAccessOnItsNextRequest() {
        Owner owner = signUp("멤버 추가 살롱");
        Owner designer = signUp("디자이너 살롱");
        assertThat(api.get(owner.shop(""), designer.token()).status()).isEqualTo(403);

        HttpApi.Response added = add(owner, designer.email().toUpperCase(), "STAFF");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode member = added.json().path("member");
        assertThat(member.path("userId").asText()).isEqualTo(designer.userId());
        assertThat(member.path("email").asText()).isEqualTo(designer.email());
        assertThat(member.path("role").asText()).isEqualTo("STAFF");
        assertThat(member.path("joinedAt").asText()).endsWith("Z");
        assertThat(added.json().has("invitation")).isFalse();

        assertThat(api.get(owner.shop(""), designer.token()).status()).isEqualTo(200);
        JsonNode me = api.get("/v1/me", designer.token()).json();
        assertThat(texts(me.path("memberships"), "shopId")).contains(owner.shopId());
        MimeMessage mail = Mails.awaitEml(Mails.TEST_OUTBOX, designer.email(), 2); // the verification mail, then this
        assertThat(Mails.subject(mail)).contains("멤버 추가 살롱");

        assertError(add(owner, designer.email(), "MANAGER"), 409, "CONFLICT");
        JsonNode list = api.get(owner.shop("/members"), owner.token()).json();
        assertThat(texts(list.path("items"), "userId")).containsExactly(owner.userId(), designer.userId());
        assertThat(texts(list.path("items"), "role")).containsExactly("OWNER", "STAFF");
        assertThat(list.path("invitations").isArray()).isTrue();
    }

    // --- invitations ----------------------------------------------------------------------------------------

    @Test
    void anAddressWithoutAccountIsInvitedAndJoinsWithTheMailedLinkOnce() {
        Owner owner = signUp("초대 살롱");
        String email = newAddress();
        HttpApi.Response invited = add(owner, email, "MANAGER");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        JsonNode invitation = invited.json().path("invitation");
        assertThat(invited.json().has("member")).isFalse();
        assertThat(invitation.path("email").asText()).isEqualTo(email);
        assertThat(invitation.path("role").asText()).isEqualTo("MANAGER");
        Instant invitedAt = Instant.parse(invitation.path("invitedAt").asText());
        assertThat(Duration.between(invitedAt, Instant.parse(invitation.path("expiresAt").asText())))
                .isEqualTo(Duration.ofDays(7));
        assertError(add(owner, email.toUpperCase(), "STAFF"), 409, "CONFLICT");

        String token = Mails.awaitEmlToken(Mails.TEST_OUTBOX, email, "accept-invitation");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shop_invitation WHERE token_hash = ?", Integer.class,
                SecretTokens.hash(token))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shop_invitation WHERE token_hash = ?", Integer.class,
                token)).isZero();
        JsonNode pending = api.get(owner.shop("/members"), owner.token()).json().path("invitations");
        assertThat(texts(pending, "id")).containsExactly(invitation.path("id").asText());

        Owner invitee = signUpWith(email, "ko");
        JsonNode me = api.get("/v1/me", invitee.token()).json();
        assertThat(me.path("invitations")).hasSize(1);
        assertThat(me.path("invitations").get(0).path("shopId").asText()).isEqualTo(owner.shopId());
        assertThat(me.path("invitations").get(0).path("shopName").asText()).isEqualTo("초대 살롱");
        assertThat(me.path("invitations").get(0).path("role").asText()).isEqualTo("MANAGER");
        assertThat(me.path("user").path("emailVerified").asBoolean(true)).isFalse();

        HttpApi.Response accepted = accept(token, invitee.token());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("shopId").asText()).isEqualTo(owner.shopId());
        assertThat(accepted.json().path("role").asText()).isEqualTo("MANAGER");
        assertThat(api.get(owner.shop("/members"), invitee.token()).status()).isEqualTo(200);
        me = api.get("/v1/me", invitee.token()).json();
        assertThat(me.path("user").path("emailVerified").asBoolean()).isTrue();
        assertThat(me.path("invitations")).isEmpty();
        assertThat(texts(me.path("memberships"), "role")).contains("MANAGER");
        assertThat(api.get(owner.shop("/members"), owner.token()).json().path("invitations")).isEmpty();

        HttpApi.Response replayed = accept(token, invitee.token());
        assertError(replayed, 410, "GONE");
        assertThat(replayed.json().path("error").path("details").path("reason").asText()).isEqualTo("USED");
    }

    @Test
    void anotherAccountCannotTakeUpTheInvitationAndDoesNotSpendIt() {
        Owner owner = signUp("남의 초대 살롱");
        String email = newAddress();
        assertThat(add(owner, email, "STAFF").status()).isEqualTo(201);
        String token = Mails.awaitEmlToken(Mails.TEST_OUTBOX, email, "accept-invitation");
        Owner stranger = signUp("낯선 살롱");

        assertError(accept(token, stranger.token()), 403, "FORBIDDEN");
        assertThat(api.get(owner.shop(""), stranger.token()).status()).isEqualTo(403);

        Owner invitee = signUpWith(email, "ko");
        assertThat(accept(token, invitee.token()).status()).isEqualTo(200);
    }

    @Test
    void expiredRevokedAndUnknownInvitationsAreGone() {
        Owner owner = signUp("만료 초대 살롱");
        String expiredEmail = newAddress();
        assertThat(add(owner, expiredEmail, "STAFF").status()).isEqualTo(201);
        String expiredToken = Mails.awaitEmlToken(Mails.TEST_OUTBOX, expiredEmail, "accept-invitation");
        jdbc.update("UPDATE shop_invitation SET expires_at = now() - interval '1 second' WHERE token_hash = ?",
                SecretTokens.hash(expiredToken));
        Owner late = signUpWith(expiredEmail, "ko");
        HttpApi.Response expired = accept(expiredToken, late.token());
        assertError(expired, 410, "GONE");
        assertThat(expired.json().path("error").path("details").path("reason").asText()).isEqualTo("EXPIRED");

        String revokedEmail = newAddress();
        String invitationId = add(owner, revokedEmail, "STAFF").json().path("invitation").path("id").asText();
        String revokedToken = Mails.awaitEmlToken(Mails.TEST_OUTBOX, revokedEmail, "accept-invitation");
        assertThat(delete(owner.shop("/invitations/" + invitationId), owner.token()).status()).isEqualTo(204);
        assertError(delete(owner.shop("/invitations/" + invitationId), owner.token()), 404, "INVITATION_NOT_FOUND");
        Owner revoked = signUpWith(revokedEmail, "en");
        HttpApi.Response gone = accept(revokedToken, revoked.token());
        assertError(gone, 410, "GONE");
        assertThat(gone.json().path("error").path("details").path("reason").asText()).isEqualTo("REVOKED");
        assertThat(api.get(owner.shop(""), revoked.token()).status()).isEqualTo(403);
        assertThat(api.get(owner.shop("/members"), owner.token()).json().path("invitations")).isEmpty();

        HttpApi.Response unknown = accept("bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtbm90LWEtcmVhbC10b2s", revoked.token());
        assertError(unknown, 410, "GONE");
        assertThat(unknown.json().path("error").path("details").path("reason").asText()).isEqualTo("UNKNOWN");

        // a revoked address may be invited again, and this time it works
        assertThat(add(owner, revokedEmail, "STAFF").status()).isEqualTo(201);
    }

    @Test
    void theInvitationMailSpeaksTheShopsLanguageAndLinksToThePublicBaseUrl() {
        HttpApi.Response signup = api.post("/v1/auth/signup", null, Map.of("email", newAddress(),
                "password", "correct horse battery", "name", "Jane", "shopName", "Salon Lumi", "locale", "en"));
        String token = signup.json().path("accessToken").asText();
        String shopId = signup.json().path("shop").path("id").asText();
        String email = newAddress();
        assertThat(api.post("/v1/shops/" + shopId + "/members", token, Map.of("email", email, "role", "STAFF"))
                .status()).isEqualTo(201);
        MimeMessage mail = Mails.awaitEml(Mails.TEST_OUTBOX, email, 1);
        assertThat(Mails.subject(mail)).isEqualTo("You are invited to Salon Lumi on SalonMate");
        assertThat(Mails.text(mail)).contains("http://127.0.0.1:" + port + "/#/accept-invitation?token=")
                .contains("7 days");
    }

    // --- roles, removal, leaving ----------------------------------------------------------------------------

    @Test
    void theLastOwnerCanNeitherBeDemotedNorLeaveUntilAnotherOwnerExists() {
        Owner owner = signUp("마지막 원장 살롱");
        Owner partner = signUp("동업자 살롱");
        assertThat(add(owner, partner.email(), "MANAGER").status()).isEqualTo(201);

        assertError(api.put(owner.shop("/members/" + owner.userId()), owner.token(), Map.of("role", "MANAGER")),
                409, "LAST_OWNER");
        assertError(delete(owner.shop("/members/" + owner.userId()), owner.token()), 409, "LAST_OWNER");

        HttpApi.Response promoted = api.put(owner.shop("/members/" + partner.userId()), owner.token(),
                Map.of("role", "OWNER"));
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().path("role").asText()).isEqualTo("OWNER");
        assertThat(promoted.json().path("userId").asText()).isEqualTo(partner.userId());

        assertThat(delete(owner.shop("/members/" + owner.userId()), owner.token()).status()).isEqualTo(204);
        assertThat(api.get(owner.shop(""), owner.token()).status()).isEqualTo(403);
        assertError(delete(owner.shop("/members/" + partner.userId()), partner.token()), 409, "LAST_OWNER");
        assertThat(texts(api.get(owner.shop("/members"), partner.token()).json().path("items"), "userId"))
                .containsExactly(partner.userId());
    }

    @Test
    void aRemovedMembersNextRequestIsForbidden() {
        Owner owner = signUp("제거 살롱");
        Owner designer = signUp("제거될 살롱");
        assertThat(add(owner, designer.email(), "MANAGER").status()).isEqualTo(201);
        assertThat(api.get(owner.shop("/members"), designer.token()).status()).isEqualTo(200);

        assertThat(delete(owner.shop("/members/" + designer.userId()), owner.token()).status()).isEqualTo(204);
        assertError(api.get(owner.shop("/members"), designer.token()), 403, "FORBIDDEN");
        assertError(api.get(owner.shop(""), designer.token()), 403, "FORBIDDEN");
        assertThat(texts(api.get("/v1/me", designer.token()).json().path("memberships"), "shopId"))
                .doesNotContain(owner.shopId());
        assertError(delete(owner.shop("/members/" + designer.userId()), owner.token()), 404, "MEMBER_NOT_FOUND");
    }

    @Test
    void aMemberLeavesTheShop() {
        Owner owner = signUp("떠나는 살롱");
        Owner designer = signUp("떠날 디자이너 살롱");
        assertThat(add(owner, designer.email(), "STAFF").status()).isEqualTo(201);
        assertThat(delete(owner.shop("/members/" + designer.userId()), designer.token()).status()).isEqualTo(204);
        assertThat(api.get(owner.shop(""), designer.token()).status()).isEqualTo(403);
        assertThat(texts(api.get(owner.shop("/members"), owner.token()).json().path("items"), "userId"))
                .containsExactly(owner.userId());
    }

    @Test
    void onlyOwnersManageMembersAndManagersSeeThem() {
        Owner owner = signUp("권한 살롱");
        Owner manager = signUp("매니저 살롱");
        Owner staff = signUp("스태프 살롱");
        assertThat(add(owner, manager.email(), "MANAGER").status()).isEqualTo(201);
        assertThat(add(owner, staff.email(), "STAFF").status()).isEqualTo(201);
        String invitationId = add(owner, newAddress(), "STAFF").json().path("invitation").path("id").asText();

        assertError(api.get(owner.shop("/members"), staff.token()), 403, "FORBIDDEN");
        assertThat(api.get(owner.shop("/members"), manager.token()).status()).isEqualTo(200);
        for (Owner notOwner : List.of(manager, staff)) {
            assertError(api.post(owner.shop("/members"), notOwner.token(), Map.of("email", newAddress(),
                    "role", "STAFF")), 403, "FORBIDDEN");
            assertError(api.put(owner.shop("/members/" + owner.userId()), notOwner.token(), Map.of("role", "STAFF")),
                    403, "FORBIDDEN");
            assertError(delete(owner.shop("/members/" + owner.userId()), notOwner.token()), 403, "FORBIDDEN");
            assertError(delete(owner.shop("/invitations/" + invitationId), notOwner.token()), 403, "FORBIDDEN");
        }
        assertError(delete(owner.shop("/members/" + staff.userId()), manager.token()), 403, "FORBIDDEN");
        assertThat(texts(api.get(owner.shop("/members"), owner.token()).json().path("items"), "role"))
                .containsExactly("OWNER", "MANAGER", "STAFF");
    }

    @Test
    void anotherShopsOwnerGetsForbiddenEverywhereAndLearnsNothing() {
        Owner owner = signUp("남의 살롱");
        Owner other = signUp("다른 살롱");
        String invitationId = add(owner, newAddress(), "STAFF").json().path("invitation").path("id").asText();

        assertError(api.get(owner.shop("/members"), other.token()), 403, "FORBIDDEN");
        assertError(add(new Owner(other.userId(), other.email(), owner.shopId(), other.token(), null), newAddress(),
                "STAFF"), 403, "FORBIDDEN");
        assertError(api.put(owner.shop("/members/" + owner.userId()), other.token(), Map.of("role", "STAFF")),
                403, "FORBIDDEN");
        assertError(delete(owner.shop("/members/" + owner.userId()), other.token()), 403, "FORBIDDEN");
        assertError(delete(owner.shop("/invitations/" + invitationId), other.token()), 403, "FORBIDDEN");
        // the invitation of one shop cannot be revoked through another shop's path
        assertError(delete(other.shop("/invitations/" + invitationId), other.token()), 404, "INVITATION_NOT_FOUND");
        assertError(api.get("/v1/shops/" + UUID.randomUUID() + "/members", other.token()), 403, "FORBIDDEN");
        assertThat(api.get(owner.shop("/members"), owner.token()).json().path("invitations")).hasSize(1);
    }
}
