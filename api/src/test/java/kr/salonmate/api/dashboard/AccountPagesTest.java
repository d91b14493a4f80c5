package kr.salonmate.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.Mails;
import org.junit.jupiter.api.Test;

/**
 * The account pages in headless Chromium against the running application: the verify-e-mail banner and the link
 * of the verification mail, "forgot password" and the reset page its mail opens, in Korean and English. Mails are
 * read from the local default's .eml files, as a developer without SMTP would.
 */
class AccountPagesTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "a fresh password 2026";

    private String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    private static String message(Browser page) {
        return page.find("#auth-message").getText();
    }

    private static void logIn(Browser page, String email, String password) {
        page.awaitVisible("#login-form");
        page.type("#login-email", email);
        page.type("#login-password", password);
        page.click("#login-form button[type=submit]");
        page.awaitVisible("#dashboard-view");
    }

    @Test
    void anUnverifiedOwnerSeesTheBannerAsksAgainAndFollowsTheMailLink() {
        assumeTrue(Browser.installed(), "headless Chromium is not installed (apt-get install chromium chromium-driver)");
        Owner owner = signUp("살롱 배너");
        String first = Mails.awaitEmlToken(Mails.TEST_OUTBOX, owner.email(), "verify-email");

        try (Browser page = Browser.open(baseUrl(), 1280, 900, "ko")) {
            logIn(page, owner.email(), PASSWORD);
            page.awaitVisible("#verify-banner");
            assertThat(page.find("#verify-text").getText()).contains(owner.email(), "확인해 주세요");
            page.screenshot("20-verify-banner");

            page.click("#verify-resend");
            page.await("the resent toast", d -> page.find("#toasts").getText().contains("확인 메일을 다시 보냈어요"));
            Mails.awaitEml(Mails.TEST_OUTBOX, owner.email(), 2);
            String second = Mails.token(Mails.emlTo(Mails.TEST_OUTBOX, owner.email()).get(1), "verify-email");

            // the mail's link opened in this tab: verified in place, the login goes on, the token leaves the URL
            page.js("window.location.hash = arguments[0]", "#/verify-email?token=" + second);
            page.await("the banner to go", d -> !page.find("#verify-banner").isDisplayed());
            assertThat(page.find("#dashboard-view").isDisplayed()).isTrue();
            assertThat(page.js("return window.location.href")).asString().doesNotContain(second).doesNotContain("#");
        }
        assertThat(api.get("/v1/me", owner.token()).json().path("user").path("emailVerified").asBoolean()).isTrue();

        // the first mail's link, now spent, opened in a fresh English page: it says so
        try (Browser page = Browser.open(baseUrl() + "#/verify-email?token=" + first, 1024, 800, "en")) {
            page.await("the gone message", d -> message(page).contains("expired or was already used"));
            assertThat(page.js("return window.location.href")).asString().doesNotContain(first);
            assertThat(page.find("#login-form").isDisplayed()).isTrue();
        }
    }

    @Test
    void aForgottenPasswordIsResetFromTheMailLinkAndEveryOldLoginEnds() {
        assumeTrue(Browser.installed(), "headless Chromium is not installed (apt-get install chromium chromium-driver)");
        Owner owner = signUp("살롱 비밀번호");

        try (Browser page = Browser.open(baseUrl(), 1280, 900, "ko")) {
            page.awaitVisible("#login-form");
            page.type("#login-email", owner.email());
            page.click("#forgot-open");
            page.awaitVisible("#forgot-form");
            assertThat(page.find("#login-form").isDisplayed()).isFalse();
            assertThat(page.find("#forgot-email").getAttribute("value")).isEqualTo(owner.email());
            page.click("#forgot-form button[type=submit]");
            page.await("the sent message", d -> message(page).contains("재설정 링크를 보냈어요"));
            page.screenshot("21-forgot-sent");
            page.click("#forgot-form .auth-back");
            page.awaitVisible("#login-form");
        }
        String token = Mails.awaitEmlToken(Mails.TEST_OUTBOX, owner.email(), "reset-password");

        try (Browser page = Browser.open(baseUrl() + "#/reset-password?token=" + token, 1280, 900, "ko")) {
            page.awaitVisible("#reset-form");
            assertThat(page.js("return window.location.href")).asString().doesNotContain(token);
            // too short: refused in the page, nothing sent
            page.type("#reset-password", "short");
            page.click("#reset-form button[type=submit]");
            page.await("the field to be marked", d -> "true".equals(page.find("#reset-password")
                    .getAttribute("aria-invalid")));
            assertThat(api.post("/v1/auth/login", null, Map.of("email", owner.email(), "password", PASSWORD))
                    .status()).as("the password is unchanged so far").isEqualTo(200);

            page.type("#reset-password", NEW_PASSWORD);
            page.screenshot("22-reset");
            page.click("#reset-form button[type=submit]");
            page.awaitVisible("#login-form");
            page.await("the done message", d -> message(page).contains("비밀번호를 바꿨어요"));
            assertThat(page.find("#login-email").getAttribute("value")).isEqualTo(owner.email());
            page.type("#login-password", NEW_PASSWORD);
            page.click("#login-form button[type=submit]");
            page.awaitVisible("#dashboard-view");
            // the reset link came by mail: the address counts as verified, no banner
            assertThat(page.find("#verify-banner").isDisplayed()).isFalse();
        }
        HttpApi.Response oldLogin = api.post("/v1/auth/refresh", null, Map.of("refreshToken", owner.refreshToken()));
        assertThat(oldLogin.status()).as("the login from before the reset ended").isEqualTo(401);

        // the same link again, in English: gone, and the page offers a new one
        try (Browser page = Browser.open(baseUrl() + "#/reset-password?token=" + token, 1024, 800, "en")) {
            page.awaitVisible("#reset-form");
            page.type("#reset-password", "yet another password");
            page.click("#reset-form button[type=submit]");
            page.awaitVisible("#forgot-form");
            page.await("the gone message", d -> message(page).contains("expired or was already used"));
        }
        assertThat(api.post("/v1/auth/login", null, Map.of("email", owner.email(), "password", NEW_PASSWORD))
                .status()).isEqualTo(200);
    }
}
