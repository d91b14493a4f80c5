package kr.salonmate.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.UUID;
import kr.salonmate.api.support.FakeSignInProviders.Person;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signing in with Google and Kakao in headless Chromium, all the way through the (fake) provider's page and back,
 * then the first shop of a new account, "new shop" and the shop switcher; in Korean and English.
 */
class SignInAndShopsPageTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    @Test
    void aNewGoogleUserMakesAFirstShopThenASecondAndSwitchesBetweenThem() {
        assumeTrue(Browser.installed(), "headless Chromium is not installed (apt-get install chromium chromium-driver)");
        Person person = Person.fresh(true);
        SIGN_IN.signInAtProviderPage(person);
        String first = "첫 가게 " + UUID.randomUUID().toString().substring(0, 6);
        String second = "<b>둘째</b> 가게 💅";

        try (Browser page = Browser.open(baseUrl(), 1280, 900, "ko")) {
            page.awaitVisible("#oauth-google");
            assertThat(page.find("#oauth-google").getText()).isEqualTo("Google로 계속하기");
            assertThat(page.find("#oauth-kakao").getText()).isEqualTo("카카오로 계속하기");
            page.screenshot("30-oauth-buttons");
            page.click("#oauth-google");

            // there and back: the one-time code is traded and gone from the address bar; a new account has no shop
            page.awaitVisible("#first-shop-form");
            assertThat(page.js("return window.location.href")).asString().doesNotContain("code=").doesNotContain("#");
            assertThat(page.find("#login-form").isDisplayed()).isFalse();
            page.click("#first-shop-form button[type=submit]");
            page.await("the empty name to be marked", d -> "true".equals(page.find("#first-shop-name")
                    .getAttribute("aria-invalid")));
            page.type("#first-shop-name", first);
            page.click("#first-shop-form button[type=submit]");
            page.awaitVisible("#dashboard-view");
            page.await("the first shop", d -> page.find("#shop-name").getText().equals(first));
            assertThat(page.find("#shop-switch-wrap").isDisplayed()).as("one shop: no switcher").isFalse();

            page.click("#new-shop-open");
            page.awaitVisible("#new-shop-form");
            page.type("#new-shop-name", second);
            page.screenshot("31-new-shop");
            page.click("#new-shop-form button[type=submit]");
            page.await("the second shop to open", d -> page.find("#shop-name").getText().equals(second));
            assertThat(page.find("#new-shop-form").isDisplayed()).isFalse();
            page.awaitVisible("#shop-switch-wrap");
            List<String> options = page.findAll("#shop-switch option").stream().map(WebElement::getText).toList();
            assertThat(options).containsExactly(first, second);
            page.screenshot("32-shop-switcher");

            page.js("const s = document.querySelector('#shop-switch'); s.selectedIndex = 0;"
                    + " s.dispatchEvent(new Event('change'));");
            page.await("the first shop again", d -> page.find("#shop-name").getText().equals(first));
            assertThat(page.consoleErrors()).isEmpty();
        }
        // the page's account: made by Google, OWNER of both shops
        assertThat(jdbc.queryForList("""
                SELECT m.role FROM shop_membership m JOIN app_user u ON u.id = m.user_id WHERE u.email = ?""",
                String.class, person.email())).containsExactly("OWNER", "OWNER");
    }

    @Test
    void aRefusedLinkIsExplainedAndANewAccountMakesItsFirstShopInEnglish() {
        assumeTrue(Browser.installed(), "headless Chromium is not installed (apt-get install chromium chromium-driver)");
        // an account registered the address but never proved it: Kakao may not sign in to it
        Owner squatter = signUp("미인증");
        SIGN_IN.signInAtProviderPage(new Person(Person.kakao(true).subject(), squatter.email(), true, "Kim"));

        try (Browser page = Browser.open(baseUrl(), 1024, 800, "en")) {
            page.awaitVisible("#oauth-kakao");
            assertThat(page.find("#oauth-kakao").getText()).isEqualTo("Continue with Kakao");
            page.click("#oauth-kakao");
            page.await("the refusal", d -> page.find("#auth-message").getText()
                    .contains("An account already uses this email"));
            assertThat(page.find("#login-form").isDisplayed()).isTrue();
            assertThat(page.find("#dashboard-view").isDisplayed()).isFalse();
            assertThat(page.js("return window.location.href")).asString().doesNotContain("error=");
            page.screenshot("33-oauth-refused");

            // a Google account with a free address: a new account, which is asked for its first shop, in English
            SIGN_IN.signInAtProviderPage(Person.fresh(true));
            page.click("#oauth-google");
            page.awaitVisible("#first-shop-form");
            assertThat(page.find("#first-shop-title").getText()).isEqualTo("Create your first shop");
            page.type("#first-shop-name", "Nail Bar");
            page.click("#first-shop-form button[type=submit]");
            page.await("the shop", d -> page.find("#shop-name").getText().equals("Nail Bar"));
            assertThat(page.find("#new-shop-open").getText()).isEqualTo("+ New shop");
            page.click("#new-shop-open");
            page.awaitVisible("#new-shop-form");
            page.click("#new-shop-cancel");
            page.await("the form to close", d -> !page.find("#new-shop-form").isDisplayed());
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

}
