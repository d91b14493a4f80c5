package kr.salonmate.api.dashboard;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import kr.salonmate.api.support.BillingIntegrationTest;
import kr.salonmate.api.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The Plan view in headless Chromium: the used-up quota explained on the dashboard with the way to upgrade, the
 * upgrade through Toss's card-registration window (a fake SDK served by {@code FakeToss} from
 * {@code salonmate.toss.sdk-url}, loaded by a script element the page creates), the card and the payment in KRW as
 * Koreans write it, and cancelling.
 */
class BillingPageTest extends BillingIntegrationTest {

    private String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    private static void logIn(Browser page, String email) {
        page.awaitVisible("#login-form");
        page.type("#login-email", email);
        page.type("#login-password", "correct horse battery");
        page.click("#login-form button[type=submit]");
        page.awaitVisible("#dashboard-view");
    }

    @Test
    void anOwnerSeesTheQuotaUsedUpUpgradesThroughTossWindowAndCancels() {
        assumeTrue(Browser.installed(), "headless Chromium is not installed (apt-get install chromium chromium-driver)");
        Owner owner = signUp("요금제 화면 살롱");
        HttpApi.Response imported = api.sendBytes("POST", owner.shop("/reviews/import"), owner.token(), """
                reviewId,author,rating,comment,createdAt
                pg-1,김하나,5,좋아요,2026-12-01T10:00:00+09:00
                pg-2,이두울,4,괜찮아요,2026-12-02T10:00:00+09:00
                pg-3,박세엣,5,최고예요,2026-12-03T10:00:00+09:00
                """.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        eventually(() -> api.get(owner.shop("/dashboard"), owner.token()).json(),
                d -> d.path("quotaExceeded").asBoolean(), "the quota used up");

        try (Browser page = Browser.open(baseUrl(), 1280, 1000, "ko")) {
            logIn(page, owner.email());

            page.awaitVisible("#quota-banner");
            assertThat(page.find("#quota-banner").getText()).contains("이번 달 AI 생성 한도를 다 썼어요");
            page.awaitVisible("#quota-upgrade");
            page.click("#quota-upgrade");
            page.awaitVisible("#billing-card");
            assertThat(page.find("#billing-plan").getText()).startsWith("FREE");
            assertThat(page.find("#billing-usage").getText()).isEqualTo("2 / 2번 사용");
            assertThat(page.find("#billing-usage-bar").getAttribute("aria-valuenow")).isEqualTo("2");
            assertThat(page.find("#billing-upgrade").getText()).isEqualTo("PRO로 올리기 (29,000원/월)");
            assertThat(page.find("#billing-card-info").getText()).isEqualTo("등록된 카드 없음");
            page.screenshot("billing-01-free-used-up");

            // Toss's window registers the card and sends the browser back with customerKey and authKey; the login
            // lives in the page's memory only, so the owner signs in again and the upgrade finishes
            page.click("#billing-upgrade");
            page.await("the page back from Toss's window", d -> page.find("#login-form").isDisplayed()
                    || page.find("#billing-message").isDisplayed() ? true : null);
            assertThat(page.find("#billing-message").isDisplayed()).as(page.find("#billing-message").getText()).isFalse();
            logIn(page, owner.email());
            page.click("#tab-settings");
            page.await("PRO after Toss's window", d -> page.find("#billing-plan").getText().startsWith("PRO"));
            // periods last 6 s here: a slow browser may see renewals already, but never a period charged twice
            assertThat(TOSS.paymentsOfShop(owner.shopId())).isNotEmpty()
                    .extracting(kr.salonmate.api.support.FakeToss.Payment::orderId).doesNotHaveDuplicates();
            assertThat(page.find("#billing-card-info").getText()).isEqualTo("현대 ···· 5678");
            assertThat(page.find("#billing-payments").getText()).contains("29,000원").contains("결제 완료");
            assertThat(page.js("return location.search")).isEqualTo(""); // the authKey left the address bar
            page.await("the banner gone", d -> !page.find("#quota-banner").isDisplayed());
            page.screenshot("billing-02-pro");

            page.js("window.confirm = () => true");
            page.click("#billing-cancel");
            page.await("cancelled", d -> page.find("#billing-plan").getText().contains("해지 예정"));
            assertThat(page.find("#billing-cancel").isDisplayed()).isFalse();
            assertThat(page.find("#billing-next").getText()).isEqualTo("—");

            // the payment and the plan change stand in the shop's audit trail, as the shop's, not a review's
            page.click("#tab-audit");
            page.await("the payment in the audit trail",
                    d -> page.findAll("#audit-rows tr[data-action=PAYMENT_SUCCEEDED]").size() == 1 ? true : null);
            WebElement paid = page.find("#audit-rows tr[data-action=PAYMENT_SUCCEEDED]");
            assertThat(paid.getText()).contains("결제 완료").contains("29000 KRW");
            assertThat(paid.findElement(By.cssSelector(".audit-billing")).getText()).isEqualTo("요금제·결제");
            assertThat(paid.findElements(By.cssSelector(".audit-asof-open"))).isEmpty();
            assertThat(page.findAll("#audit-rows tr[data-action=PLAN_CHANGED]")).isNotEmpty();
        }
        JsonNode billing = api.get(owner.shop("/billing"), owner.token()).json();
        assertThat(billing.path("status").asText()).isIn("CANCELLING", "ACTIVE");
        assertThat(billing.path("payments").findValuesAsString("orderId")).doesNotHaveDuplicates();
    }
}
