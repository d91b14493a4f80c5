package kr.salonmate.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Naver in the page (headless Chromium): a manager imports the CSV export and sees the counts and the rows that
 * were left out; an approved Naver reply offers "copy" and "I posted it", and the filter lists what waits to be
 * pasted. Nothing of it reaches Google.
 */
class NaverPageTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void aManagerImportsTheNaverExportAndMarksAPastedReplyAsPosted() throws Exception {
        Browser.requireInstalled();
        Owner owner = signUp("살롱 네이버");
        Path file = Files.createTempFile("naver-", ".csv");
        try (InputStream in = NaverPageTest.class.getResourceAsStream("/naver/reviews-bad-rows.csv")) {
            Files.write(file, in.readAllBytes());
        }

        try (Browser page = Browser.open("http://127.0.0.1:" + port + "/", 1280, 900, "ko")) {
            page.awaitVisible("#login-form");
            page.type("#login-email", owner.email());
            page.type("#login-password", PASSWORD);
            page.click("#login-form button[type=submit]");
            page.awaitVisible("#dashboard-view");

            page.awaitVisible("#naver-import");
            WebElement input = page.find("#naver-file");
            page.js("arguments[0].hidden = false", input); // what the button's file chooser would do
            input.sendKeys(file.toAbsolutePath().toString());

            WebElement result = page.awaitVisible("#naver-result");
            assertThat(page.find("#naver-counts").getText()).isEqualTo("새 리뷰 2개 · 바뀐 리뷰 0개 · 그대로 0개");
            assertThat(result.getText()).contains("가져오지 못한 행 6개").contains("3번째 줄: rating")
                    .contains("11번째 줄");

            WebElement card = card(page, "김**");
            page.await("a draft for the Naver review", d -> "DRAFTED".equals(card.getAttribute("data-status")));
            assertThat(card.findElement(By.cssSelector(".reply-manual")).isDisplayed()).isFalse();
            // the card's buttons are shown once the live update has rendered the draft, a moment after its status
            page.await("the approve button", d -> card.findElement(By.cssSelector(".review-approve")).isDisplayed()
                    && card.findElement(By.cssSelector(".review-approve")).isEnabled());
            card.findElement(By.cssSelector(".review-approve")).click();
            page.await("the approval", d -> "APPROVED".equals(card.getAttribute("data-status")));
            WebElement posted = card.findElement(By.cssSelector(".review-posted"));
            page.await("the manual buttons", d -> posted.isDisplayed());
            assertThat(card.findElement(By.cssSelector(".review-copy")).getText()).isEqualTo("답글 복사");
            assertThat(card.findElement(By.cssSelector(".reply-note")).getText()).contains("네이버에 붙여넣은 뒤");

            page.click("#filter-to-paste");
            page.await("only the reply to paste in the list", d -> page.findAll("#reviews li.review").size() == 1);
            assertThat(page.find("#filter-status").getAttribute("value")).isEqualTo("APPROVED");
            assertThat(page.find("#filter-source").getAttribute("value")).isEqualTo("NAVER");

            posted.click();
            page.await("the reply to be published", d -> "PUBLISHED".equals(card.getAttribute("data-status"))
                    || page.findAll("#reviews li.review").isEmpty());
            assertThat(api.get(owner.shop("/reviews?status=PUBLISHED&source=NAVER"), owner.token()).json()
                    .path("total").asInt()).isEqualTo(1);
            assertThat(GOOGLE.requests()).noneMatch(request -> request.contains("nv-101"));
            assertThat(page.consoleErrors()).isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static WebElement card(Browser page, String author) {
        return page.await("the card of " + author, d -> page.findAll("#reviews li.review").stream()
                .filter(li -> li.findElement(By.cssSelector(".review-author")).getText().equals(author))
                .findFirst().orElse(null));
    }
}
