package kr.salonmate.api.dashboard;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * API.md "Privacy" in the page (headless Chromium): the OWNER erases a reviewer's name and text from the review's card
 * after a confirmation dialog (Escape closes it and changes nothing), and a review erased elsewhere turns "(erased)"
 * live; a user deletes their own account after typing its address and their password, and is signed out for good.
 */
class PrivacyPageTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    private CommandGateway commands;

    @Test
    void anOwnerErasesAReviewersPersonalDataAfterConfirmingAndAnErasureElsewhereArrivesLive() {
        Browser.requireInstalled();
        Owner owner = signUp("개인정보 화면 살롱");
        ReviewId first = review(owner, "홍길동", "보라색 염색이 정말 예뻐요", 2);
        ReviewId second = review(owner, "Jamie Park", "Lovely cut, friendly staff", 1);

        try (Browser page = Browser.open("http://127.0.0.1:" + port + "/", 1280, 900, "ko")) {
            logIn(page, owner.email());
            WebElement card = card(page, first);
            WebElement erase = card.findElement(By.cssSelector(".review-erase"));
            page.await("the erase action", d -> erase.isDisplayed());
            assertThat(erase.getText()).isEqualTo("리뷰어 개인정보 지우기");

            // the dialog opens on "cancel"; Escape closes it, nothing is erased and focus is back on the button
            page.click("#reviews li.review[data-id='" + first + "'] .review-erase");
            page.awaitVisible("#erase-dialog");
            assertThat(page.find("#erase-body").getText()).contains("홍길동").contains("되돌릴 수 없어요");
            assertThat(page.js("return document.activeElement.classList.contains('dialog-cancel')")).isEqualTo(true);
            page.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            page.await("the dialog to close", d -> !page.find("#erase-dialog").isDisplayed());
            assertThat(page.js("return document.activeElement.classList.contains('review-erase')")).isEqualTo(true);
            assertThat(api.get(owner.shop("/reviews/" + first), owner.token()).json().path("author").asText())
                    .isEqualTo("홍길동");

            // confirmed (in English this time): the card reads "(erased)" in place, and the action is gone
            page.click("#lang-switch");
            page.await("English", d -> "Erase the reviewer's personal data".equals(erase.getText()));
            erase.click();
            page.awaitVisible("#erase-dialog");
            assertThat(page.find("#erase-body").getText()).contains("홍길동's name and review text will be erased");
            page.screenshot("50-erase-dialog");
            page.click("#erase-dialog .dialog-confirm");
            page.await("the card to show the erasure", d -> "(erased)".equals(
                    card.findElement(By.cssSelector(".review-author")).getText()));
            assertThat(card.findElement(By.cssSelector(".review-comment")).getText())
                    .isEqualTo("The reviewer's name and text were erased.");
            assertThat(card.findElement(By.cssSelector(".review-foot")).isDisplayed()).isFalse();
            assertThat(page.js("return document.activeElement.classList.contains('review-card')"))
                    .as("focus on the card when the button it came from is gone").isEqualTo(true);
            assertThat(page.find("#erase-dialog").isDisplayed()).isFalse();
            JsonNode erased = api.get(owner.shop("/reviews/" + first), owner.token()).json();
            assertThat(erased.path("author").asText()).isEqualTo("(erased)");
            assertThat(erased.path("comment").asText()).isEmpty();
            assertThat(erased.path("rating").asInt()).isEqualTo(5);

            // erased through the API (another tab, another device): the page shows it live
            WebElement other = card(page, second);
            HttpApi.Response elsewhere = api.send("DELETE", owner.shop("/reviews/" + second + "/personal-data"),
                    owner.token(), null, Map.of());
            assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(204);
            page.await("the live erasure", d -> "(erased)".equals(
                    other.findElement(By.cssSelector(".review-author")).getText()));

            page.click("#lang-switch");
            page.await("Korean", d -> "(삭제됨)".equals(card.findElement(By.cssSelector(".review-author")).getText()));
            assertThat(card.findElement(By.cssSelector(".review-comment")).getText())
                    .isEqualTo("리뷰어의 이름과 리뷰 내용은 지워졌어요.");
            assertThat(other.findElement(By.cssSelector(".review-author")).getText()).isEqualTo("(삭제됨)");
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aUserDeletesTheirAccountAfterTypingItsAddressAndIsSignedOut() {
        Browser.requireInstalled();
        Owner owner = signUp("계정 삭제 살롱");

        try (Browser page = Browser.open("http://127.0.0.1:" + port + "/", 1280, 900, "en")) {
            logIn(page, owner.email());
            page.click("#tab-settings");
            page.awaitVisible("#account-card");
            assertThat(page.find("#account-who").getText()).contains(owner.email());
            page.click("#account-delete");
            page.awaitVisible("#delete-account-dialog");
            assertThat(page.js("return document.activeElement.id")).isEqualTo("delete-account-email");
            WebElement confirm = page.find("#delete-account-dialog .dialog-confirm");
            assertThat(confirm.isEnabled()).isFalse();

            // the deliberate step: another address keeps the button off
            page.type("#delete-account-email", "someone-else@salon.test");
            page.type("#delete-account-password", PASSWORD);
            assertThat(confirm.isEnabled()).isFalse();

            // a wrong password: the dialog stays, saying why (the error envelope's case), and nothing is deleted
            page.type("#delete-account-email", owner.email());
            page.type("#delete-account-password", "not the password");
            assertThat(confirm.isEnabled()).isTrue();
            confirm.click();
            WebElement message = page.awaitVisible("#delete-account-dialog .dialog-message");
            assertThat(message.getText()).isEqualTo("The password is not right.");
            assertThat(page.find("#delete-account-dialog").isDisplayed()).isTrue();

            // Escape closes it; focus is back on the button that opened it
            page.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            page.await("the dialog to close", d -> !page.find("#delete-account-dialog").isDisplayed());
            assertThat(page.js("return document.activeElement.id")).isEqualTo("account-delete");
            assertThat(login(owner.email()).status()).isEqualTo(200);

            page.click("#account-delete");
            page.awaitVisible("#delete-account-dialog");
            assertThat(page.find("#delete-account-email").getAttribute("value")).isEmpty();
            page.type("#delete-account-email", owner.email());
            page.type("#delete-account-password", PASSWORD);
            page.screenshot("51-delete-account-dialog");
            page.click("#delete-account-dialog .dialog-confirm");

            page.awaitVisible("#login-form");
            assertThat(page.find("#dashboard-view").isDisplayed()).isFalse();
            assertThat(page.find("#auth-message").getText())
                    .isEqualTo("Your account was deleted. Thank you for using SalonMate.");
            assertThat(page.js("return document.activeElement.id")).isEqualTo("login-email");

            // and the old password opens nothing any more, in the page as through the API
            page.type("#login-email", owner.email());
            page.type("#login-password", PASSWORD);
            page.click("#login-form button[type=submit]");
            page.await("the refusal", d -> page.find("#auth-message").getText()
                    .equals("That email or password is not right."));
            assertThat(page.find("#dashboard-view").isDisplayed()).isFalse();
            assertThat(page.consoleErrors()).allMatch(error -> error.contains("401"),
                    "only the refused requests (the deleted login's sign-out and sign-in)");
        }
        assertThat(login(owner.email()).status()).isEqualTo(401);
    }

    private ReviewId review(Owner owner, String author, String comment, int daysAgo) {
        ShopId shop = ShopId.of(owner.shopId());
        String externalId = "privacy-page-" + UUID.randomUUID();
        ReviewId review = ReviewId.derive(shop, ReviewSource.GOOGLE, externalId);
        Instant written = Instant.now().minus(daysAgo, ChronoUnit.DAYS);
        commands.sendAndWait(new SyncReview(review, shop, ReviewSource.GOOGLE, externalId, author, 5, comment,
                "ko", written, written, null));
        eventually(() -> api.get(owner.shop("/reviews/" + review), owner.token()), r -> r.status() == 200,
                "the review in the inbox");
        return review;
    }

    private HttpApi.Response login(String email) {
        return api.post("/v1/auth/login", null, Map.of("email", email, "password", PASSWORD));
    }

    private static void logIn(Browser page, String email) {
        page.awaitVisible("#login-form");
        page.type("#login-email", email);
        page.type("#login-password", PASSWORD);
        page.click("#login-form button[type=submit]");
        page.awaitVisible("#dashboard-view");
    }

    private static WebElement card(Browser page, ReviewId review) {
        return page.await("the card of " + review, d -> page.findAll("#reviews li.review[data-id='" + review + "']")
                .stream().findFirst().orElse(null));
    }
}
