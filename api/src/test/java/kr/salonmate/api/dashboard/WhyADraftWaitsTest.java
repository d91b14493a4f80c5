package kr.salonmate.api.dashboard;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 item 2, "the owner sees why it waits": with auto-publish on, a draft SalonMate may not publish unseen (here
 * one a person asked for) stays {@code DRAFTED} with {@code reply.autoPublishHold} saying why, in the API and in
 * the page (headless Chromium), until a person acts on it; a draft SalonMate asked for by itself is published.
 */
class WhyADraftWaitsTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void aDraftAutoPublishHeldBackSaysWhyInTheApiAndInThePage() {
        Browser.requireInstalled();
        Owner owner = signUp("살롱 자동게시");
        String held = "held-" + UUID.randomUUID();
        GOOGLE.addReview(owner.shopId(), held, "박하은", 5, "친절하고 좋았어요", Instant.parse("2026-11-25T01:00:00Z"));
        HttpApi.Response connect = api.put(owner.shop("/connections/google"), owner.token(), Map.of(
                "accountId", "acc-1", "locationId", owner.shopId(), "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN));
        assertThat(connect.status()).as(connect.body()).isEqualTo(200);
        assertThat(api.post(owner.shop("/reviews/sync"), owner.token(), null).status()).isEqualTo(202);
        String reviewId = eventually(() -> reviewWithExternalId(owner, held), review -> review != null
                && review.path("status").asText().equals("DRAFTED"), "the automatic draft").path("id").asText();
        assertThat(review(owner, reviewId).path("reply").path("autoPublishHold").isNull())
                .as("auto-publish is off: nothing was held back").isTrue();

        autoPublishFrom(owner, 1);
        HttpApi.Response ask = api.post(owner.shop("/reviews/" + reviewId + "/reply/draft"), owner.token(),
                Map.of("instruction", "주차 안내도 넣어 주세요"));
        assertThat(ask.status()).as(ask.body()).isEqualTo(202);
        JsonNode waiting = eventually(() -> review(owner, reviewId),
                review -> review.path("reply").path("autoPublishHold").asText().equals("REQUESTED_BY_PERSON"),
                "the reason the owner's own draft waits");
        assertThat(waiting.path("status").asText()).isEqualTo("DRAFTED");

        try (Browser page = Browser.open("http://127.0.0.1:" + port + "/", 1280, 900, "ko")) {
            page.awaitVisible("#login-form");
            page.type("#login-email", owner.email());
            page.type("#login-password", PASSWORD);
            page.click("#login-form button[type=submit]");
            page.awaitVisible("#dashboard-view");
            WebElement card = page.await("the card of the held draft", d -> page.findAll("#reviews li.review").stream()
                    .filter(li -> li.findElement(By.cssSelector(".review-author")).getText().startsWith("박"))
                    .findFirst().orElse(null));
            WebElement note = card.findElement(By.cssSelector(".reply-note"));
            page.await("the reason on the card", d -> note.isDisplayed());
            assertThat(note.getText()).isEqualTo("자동 게시하지 않았어요: 직원이 요청한 초안이에요. 확인하고 승인해 주세요.");

            // a person edits it: the reason is moot, in the API and live in the page
            HttpApi.Response edit = api.put(owner.shop("/reviews/" + reviewId + "/reply"), owner.token(),
                    Map.of("text", "박하은 고객님, 감사합니다!"));
            assertThat(edit.status()).as(edit.body()).isEqualTo(200);
            page.await("the reason gone from the card", d -> !note.isDisplayed());
            assertThat(page.consoleErrors()).isEmpty();
        }
        assertThat(review(owner, reviewId).path("reply").path("autoPublishHold").isNull()).isTrue();

        // a draft nobody shaped is published as before
        String ordinary = "plain-" + UUID.randomUUID();
        GOOGLE.addReview(owner.shopId(), ordinary, "최민준", 5, "최고예요", Instant.parse("2026-11-26T01:00:00Z"));
        assertThat(api.post(owner.shop("/reviews/sync"), owner.token(), null).status()).isEqualTo(202);
        JsonNode published = eventually(() -> reviewWithExternalId(owner, ordinary), review -> review != null
                && review.path("status").asText().equals("PUBLISHED"), "the automatic publication");
        assertThat(published.path("reply").path("autoPublishHold").isNull()).isTrue();
    }

    private void autoPublishFrom(Owner owner, int minRating) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("tone", "FRIENDLY");
        settings.put("language", "AUTO");
        settings.put("autoDraft", true);
        settings.put("autoPublishMinRating", minRating);
        settings.put("allowOffers", false);
        HttpApi.Response response = api.put(owner.shop("/reply-settings"), owner.token(), settings);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        eventually(() -> api.get("/v1/shops/" + owner.shopId(), owner.token()).json().path("replySettings")
                .path("autoPublishMinRating").asInt(), n -> n == minRating, "the settings in the shop's read model");
    }

    private JsonNode review(Owner owner, String reviewId) {
        HttpApi.Response response = api.get(owner.shop("/reviews/" + reviewId), owner.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode reviewWithExternalId(Owner owner, String externalId) {
        for (JsonNode item : api.get(owner.shop("/reviews?size=100"), owner.token()).json().path("items")) {
            if (item.path("externalId").asText().equals(externalId)) {
                return item;
            }
        }
        return null;
    }
}
