package kr.salonmate.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.e2e.PackagedApplication;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.TestDatabase;
import kr.salonmate.api.support.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard's core loop in headless Chromium against the PACKAGED jar (started as its own process, as a user
 * would), Google played over HTTP by {@link FakeGoogle} and the built-in offline drafter standing in for OpenAI: sign
 * up, connect Google, sync → reviews and drafts appear without a reload; edit and approve → published in place; a
 * review with markup shows as text; another shop's owner sees none of it; the page works at 360 px.
 */
class PackagedDashboardIT {

    private static final FakeGoogle GOOGLE = new FakeGoogle();
    private static final String PASSWORD = "a long enough password";
    private static final String MARKUP = "<img src=x onerror=alert(1)> 펌이 <b>금방</b> 풀렸어요";
    private static Map<String, String> config;

    @BeforeAll
    static void environment() {
        TestDatabase.Database database = TestDatabase.create("e2edash");
        config = PackagedApplication.settings(database, "target/e2e-dashboard-data", GOOGLE,
                "salonmate.publish.initial-backoff", "PT0.5S");
    }

    @AfterAll
    static void stopGoogle() {
        GOOGLE.close();
    }

    @Test
    void theCoreLoopRunsInABrowserAgainstThePackagedJar() throws Exception {
        Browser.requireInstalled();
        String email = "owner-" + UUID.randomUUID() + "@e2e.test";
        try (PackagedApplication app = PackagedApplication.start("dashboard", config);
             Browser page = Browser.open(app.baseUrl() + "/", 1280, 1000, "ko")) {
            // sign up in the page
            page.awaitVisible("#login-form");
            page.click("#tab-signup");
            page.type("#signup-name", "정원장");
            page.type("#signup-shop", "헤어 살롱 패키지");
            page.type("#signup-email", email);
            page.type("#signup-password", PASSWORD);
            page.click("#signup-form button[type=submit]");
            page.awaitVisible("#dashboard-view");
            page.await("the live indicator", d -> "live".equals(page.find("#live").getAttribute("data-state")));
            page.js("window.__sameDocument = 'yes'");
            String shopId = page.find("#shop-switch").getAttribute("value");
            String lovely = "pkg-" + UUID.randomUUID();
            GOOGLE.addReview(shopId, lovely, "윤서아", 5, "원장님 손길 최고! 다음에도 올게요", Instant.parse("2026-11-25T01:00:00Z"));
            GOOGLE.addReview(shopId, "pkg-" + UUID.randomUUID(), "<b>Kim</b>", 2, MARKUP, Instant.parse("2026-11-24T01:00:00Z"));

            // connect Google in the page and sync: reviews, then their drafts, arrive over the socket
            page.click("#empty-action");
            page.awaitVisible("#google-form");
            page.type("#google-account", "acc-1");
            page.type("#google-location", shopId);
            page.type("#google-token", FakeGoogle.VALID_REFRESH_TOKEN);
            page.click("#google-connect");
            page.await("Google to be connected",
                    d -> "true".equals(page.find("#google-state").getAttribute("data-connected")));
            page.click("#google-sync");
            page.click("#tab-inbox");
            page.await("two drafted reviews",
                    d -> page.findAll("#reviews li.review[data-status=DRAFTED]").size() == 2 ? true : null);
            assertThat(page.js("return window.__sameDocument")).isEqualTo("yes");

            // markup in a review is text
            WebElement hostile = card(page, "<b>Kim</b>");
            assertThat(hostile.findElement(By.cssSelector(".review-comment")).getText()).isEqualTo(MARKUP);
            assertThat(((Number) page.js("return document.querySelectorAll('#reviews img, #reviews b').length")).intValue())
                    .isZero();
            assertThat(page.alertShown()).isFalse();

            // edit and approve: the same card turns PUBLISHED, Google holds exactly the edited text
            WebElement card = card(page, "윤서아");
            WebElement draft = card.findElement(By.cssSelector(".reply-text"));
            String edited = "서아 고객님, 감사합니다! 다음 방문도 정성껏 모실게요. - 정원장";
            draft.clear();
            draft.sendKeys(edited);
            card.findElement(By.cssSelector(".review-approve")).click();
            page.await("the published reply", d -> "PUBLISHED".equals(card.getAttribute("data-status")));
            assertThat(card.findElement(By.cssSelector(".reply-final")).getText()).isEqualTo(edited);
            assertThat(GOOGLE.replyOf(lovely)).isEqualTo(edited);
            assertThat(GOOGLE.replyPuts(lovely)).isEqualTo(1);
            page.await("the published counter", d -> "1".equals(page.find("#c-published").getText()));
            assertThat(page.js("return window.__sameDocument")).isEqualTo("yes");
            assertThat(page.consoleErrors()).isEmpty();

            // another shop's owner sees none of it
            try (Browser stranger = Browser.open(app.baseUrl() + "/", 1024, 800, "en")) {
                stranger.awaitVisible("#login-form");
                stranger.click("#tab-signup");
                stranger.type("#signup-name", "Mina");
                stranger.type("#signup-shop", "Nail Studio Next Door");
                stranger.type("#signup-email", "other-" + UUID.randomUUID() + "@e2e.test");
                stranger.type("#signup-password", PASSWORD);
                stranger.click("#signup-form button[type=submit]");
                stranger.awaitVisible("#inbox-empty");
                stranger.await("the stranger's live indicator",
                        d -> "live".equals(stranger.find("#live").getAttribute("data-state")));
                assertThat(stranger.findAll("#reviews li")).isEmpty();
                stranger.click("#tab-audit");
                stranger.await("the stranger's empty audit trail", d -> stranger.find("#audit-empty").isDisplayed());
                assertThat(stranger.find("body").getText()).doesNotContain("윤서아", "Kim", "헤어 살롱 패키지", "정원장");
                assertThat(stranger.consoleErrors()).isEmpty();
            }

            // on a 360 px phone: every view fits, a photo uploads and shows (same-origin link, CSP intact)
            try (Browser phone = Browser.open(app.baseUrl() + "/", 360, 780, "ko")) {
                phone.awaitVisible("#login-form");
                phone.type("#login-email", email);
                phone.type("#login-password", PASSWORD);
                phone.click("#login-form button[type=submit]");
                phone.await("the published review on the phone",
                        d -> phone.findAll("#reviews li.review[data-status=PUBLISHED]").size() == 1 ? true : null);
                assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
                for (String tab : new String[]{"#tab-posts", "#tab-audit", "#tab-analytics", "#tab-settings"}) {
                    phone.click(tab);
                    phone.await(tab + " selected", d -> "true".equals(phone.find(tab).getAttribute("aria-selected")));
                    assertThat(phone.scrollWidth()).as(tab).isLessThanOrEqualTo(360);
                }
                phone.click("#tab-posts");
                Path photo = Files.createTempDirectory("salonmate-e2e-").resolve("cut.jpg");
                Files.write(photo, TestImages.jpeg(1080, 1350));
                phone.find("#post-files").sendKeys(photo.toString());
                WebElement upload = phone.await("the upload", d -> phone.findAll("#uploads li[data-state=done]").stream()
                        .findFirst().orElse(null));
                phone.await("the thumbnail to load", d -> Boolean.TRUE.equals(phone.js(
                        "const img = arguments[0].querySelector('img'); return !!img && img.complete && img.naturalWidth > 0",
                        upload)));
                assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
                phone.js("arguments[0].scrollIntoView({block: 'center'})", upload);
                phone.screenshot("20-packaged-phone-posts");
                phone.click("#tab-audit");
                phone.await("the audit entries", d -> phone.findAll("#audit-rows tr").size() >= 6 ? true : null);
                assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
                assertThat(phone.consoleErrors()).isEmpty();
            }
        }
    }

    private static WebElement card(Browser page, String author) {
        return page.await("the card of " + author, d -> page.findAll("#reviews li.review").stream()
                .filter(li -> li.findElement(By.cssSelector(".review-author")).getText().equals(author))
                .findFirst().orElse(null));
    }
}
