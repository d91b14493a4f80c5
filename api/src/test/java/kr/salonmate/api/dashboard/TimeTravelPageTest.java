package kr.salonmate.api.dashboard;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The history view's time travel in headless Chromium: a manager clicks entries of the audit trail and sees the
 * review and its reply exactly as they stood at each of those moments.
 */
class TimeTravelPageTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    private CommandGateway commands;

    @Test
    void clickingAnEntryShowsTheReviewAndReplyAsTheyStoodThen() throws Exception {
        Browser.requireInstalled();
        Owner owner = signUp("시간 여행 화면 살롱");
        assertThat(api.put(owner.shop("/reply-settings"), owner.token(), Map.of("tone", "POLITE", "language", "AUTO",
                "autoDraft", false, "allowOffers", false)).status()).isEqualTo(200);
        ShopId shop = ShopId.of(owner.shopId());
        String externalId = "page-asof-" + UUID.randomUUID();
        ReviewId id = ReviewId.derive(shop, ReviewSource.NAVER, externalId);
        commands.sendAndWait(new SyncReview(id, shop, ReviewSource.NAVER, externalId, "박서연", 4,
                "커트 <b>좋았어요</b>", "ko", Instant.now(), Instant.now(), null));
        String review = owner.shop("/reviews/" + id);
        eventually(() -> api.get(review, owner.token()).status(), status -> status == 200, "the review");
        assertThat(api.post(review + "/reply/draft", owner.token(), null).status()).isEqualTo(202);
        String draft = eventually(() -> api.get(review, owner.token()).json(),
                r -> r.path("status").asText().equals("DRAFTED"), "the draft").path("reply").path("text").asText();
        String approved = "박서연 고객님, 감사합니다! 다음에도 예쁘게 잘라드릴게요.";
        assertThat(api.post(review + "/reply/approve", owner.token(), Map.of("text", approved)).status())
                .isEqualTo(202);

        try (Browser page = Browser.open("http://127.0.0.1:" + port + "/", 1280, 900, "ko")) {
            page.awaitVisible("#login-form");
            page.type("#login-email", owner.email());
            page.type("#login-password", PASSWORD);
            page.click("#login-form button[type=submit]");
            page.awaitVisible("#dashboard-view");
            page.click("#tab-audit");
            // SYNCED, DRAFT_REQUESTED, DRAFTED, EDITED and APPROVED (a Naver reply waits to be pasted)
            page.await("five entries", d -> page.findAll("#audit-rows tr").size() == 5 ? true : null);

            page.click("#audit-rows tr[data-action=SYNCED] td");
            WebElement panel = page.awaitVisible("#audit-asof");
            awaitStatus(page, "NEW");
            assertThat(panel.getText()).contains("박서연", "커트 <b>좋았어요</b>", "새 리뷰", "아직 답글이 없었어요.");

            page.click("#audit-rows tr[data-action=DRAFTED] .audit-asof-open");
            awaitStatus(page, "DRAFTED");
            assertThat(page.find(".audit-asof-reply").getText()).isEqualTo(draft);

            page.click("#audit-rows tr[data-action=APPROVED] .audit-asof-open");
            awaitStatus(page, "APPROVED");
            assertThat(page.find(".audit-asof-reply").getText()).isEqualTo(approved);
            assertThat(page.find("#audit-asof-title").getText()).contains("당시의 리뷰와 답글");
            assertThat(((Number) page.js("return document.querySelectorAll('#audit-asof b').length")).intValue())
                    .isZero();

            page.click("#audit-asof-close");
            page.await("the panel closed", d -> !page.find("#audit-asof").isDisplayed());
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    private static void awaitStatus(Browser page, String status) {
        page.await("the review as it stood (" + status + ")", d -> page.findAll(".audit-asof-review").stream()
                .anyMatch(view -> status.equals(view.getAttribute("data-status"))) ? true : null);
    }
}
