package kr.salonmate.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.Mails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * Settings → Members in headless Chromium: the owner invites an address, the invitee opens the mail's link,
 * signs in, joins the shop, sees it in the shop switcher, and leaves it again; the owner's list follows.
 */
class MembersPageTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    private String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    private static void logIn(Browser page, String email) {
        page.awaitVisible("#login-form");
        page.type("#login-email", email);
        page.type("#login-password", PASSWORD);
        page.click("#login-form button[type=submit]");
        page.awaitVisible("#dashboard-view");
    }

    @Test
    void anOwnerInvitesTheInviteeJoinsFromTheMailLinkAndLeaves() {
        assumeTrue(Browser.installed(), "headless Chromium is not installed (apt-get install chromium chromium-driver)");
        Owner owner = signUp("살롱 멤버 화면");
        String email = "page-invitee-" + UUID.randomUUID() + "@salon.test";

        try (Browser page = Browser.open(baseUrl(), 1280, 900, "ko")) {
            logIn(page, owner.email());
            page.click("#tab-settings");
            page.awaitVisible("#invite-form");
            page.await("the owner in the list", d -> page.find("#members-list").getText().contains(owner.email()));
            page.type("#invite-email", email);
            new Select(page.find("#invite-role")).selectByValue("MANAGER");
            page.click("#invite-send");
            page.await("the invitation in the list", d -> page.find("#invitations-list").getText().contains(email));
            assertThat(page.find("#invitations-list").getText()).contains("매니저");
            page.screenshot("40-members-invited");
        }

        String token = Mails.awaitEmlToken(Mails.TEST_OUTBOX, email, "accept-invitation");
        HttpApi.Response signup = api.post("/v1/auth/signup", null, Map.of("email", email, "password", PASSWORD,
                "name", "Park", "shopName", "Park's own salon", "locale", "en"));
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);

        try (Browser page = Browser.open(baseUrl() + "#/accept-invitation?token=" + token, 1280, 900, "en")) {
            page.await("the invitation hint", d -> page.find("#auth-message").getText().contains("invited email"));
            assertThat(page.js("return window.location.href")).asString().doesNotContain(token);
            logIn(page, email);
            page.await("the invited shop opened", d -> page.find("#shop-name").getText().equals("살롱 멤버 화면"));
            assertThat(page.find("#toasts").getText()).contains("Invitation accepted");
            assertThat(page.find("#shop-switch-wrap").isDisplayed()).isTrue();
            page.click("#tab-settings");
            page.await("the members list", d -> page.find("#members-list").getText().contains(email));
            assertThat(page.find("#invite-form").isDisplayed()).as("a manager does not invite").isFalse();
            page.screenshot("41-members-joined");

            page.js("window.confirm = () => true");
            page.click("#leave-shop");
            page.await("back in the own shop", d -> page.find("#shop-name").getText().equals("Park's own salon"));
        }
        assertThat(api.get(owner.shop("/members"), owner.token()).json().path("items")).hasSize(1);
        assertThat(api.get(owner.shop("/members"), owner.token()).json().path("invitations")).isEmpty();
    }
}
