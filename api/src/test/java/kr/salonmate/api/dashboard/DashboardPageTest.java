package kr.salonmate.api.dashboard;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard page in a real browser (Debian's headless Chromium) against the whole running application, with
 * Google played by {@link FakeGoogle}: everything an owner does happens in the page, and every change shows up
 * live, without a reload.
 */
class DashboardPageTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String SCRIPT_REVIEW = "<script>alert(1)</script> 서비스가 <b>별로</b>였어요 & 다신 안 가요";
    private static final String SCRIPT_AUTHOR = "<img src=x onerror=alert(2)>";

    @Test
    void theShellIsServedAtTheRootAndIsInstallable() throws Exception {
        HttpApi.Response root = api.get("/", null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.header("Content-Type")).startsWith("text/html");
        assertThat(root.body()).contains("<script type=\"module\" src=\"/js/main.js\"></script>")
                .contains("rel=\"manifest\" href=\"/manifest.webmanifest\"");
        assertThat(root.header("Content-Security-Policy")).contains("script-src 'self'").contains("object-src 'none'");

        HttpApi.Response manifest = api.get("/manifest.webmanifest", null);
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.header("Content-Type")).startsWith("application/manifest+json");
        JsonNode json = manifest.json();
        assertThat(json.path("start_url").asText()).isEqualTo("/");
        assertThat(json.path("display").asText()).isEqualTo("standalone");
        for (JsonNode icon : json.path("icons")) {
            String src = icon.path("src").asText();
            byte[] bytes = bytes(src);
            if (src.endsWith(".png")) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
                String[] size = icon.path("sizes").asText().split("x");
                assertThat(image.getWidth()).as(src).isEqualTo(Integer.parseInt(size[0]));
                assertThat(image.getHeight()).as(src).isEqualTo(Integer.parseInt(size[1]));
            } else {
                assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).startsWith("<svg");
            }
        }
        assertThat(json.path("icons").findValuesAsString("purpose")).contains("any", "maskable");

        HttpApi.Response worker = api.get("/sw.js", null);
        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.header("Content-Type")).contains("javascript");
        assertThat(worker.body()).contains("isShell(url)");
        assertThat(api.get("/webjars/stomp__stompjs/7.2.1/esm6/index.js", null).status()).isEqualTo(200);
        // the API stays what it was: no static fallback swallows unknown API paths
        assertThat(api.get("/v1/nothing-here", null).status()).isEqualTo(401);
    }

    @Test
    void anOwnerSignsUpConnectsGoogleAndAnswersReviewsLiveInThePage() {
        Browser.requireInstalled();
        String location = "loc" + UUID.randomUUID().toString().replace("-", "");
        String lovely = "ext-" + UUID.randomUUID();
        String script = "ext-" + UUID.randomUUID();
        String english = "ext-" + UUID.randomUUID();
        GOOGLE.addReview(location, lovely, "이지은", 5, "머리가 너무 예쁘게 나왔어요! 원장님이 정말 친절하세요.",
                Instant.parse("2026-11-24T03:00:00Z"));
        GOOGLE.addReview(location, script, SCRIPT_AUTHOR, 2, SCRIPT_REVIEW, Instant.parse("2026-11-23T03:00:00Z"));
        GOOGLE.addReview(location, english, "Jamie Park", 4, "Lovely staff and a great cut. Parking was tricky though.",
                Instant.parse("2026-11-22T03:00:00Z"));
        String email = "owner-" + UUID.randomUUID() + "@salon.test";

        try (Browser page = Browser.open(baseUrl(), 1280, 1000, "ko")) {
            // sign up in the page (Korean first)
            page.awaitVisible("#login-form");
            assertThat(page.find("#tab-login").getText()).isEqualTo("로그인");
            page.screenshot("01-login");
            page.click("#tab-signup");
            page.type("#signup-name", "김미소");
            page.type("#signup-shop", "살롱 루미");
            page.type("#signup-email", email);
            page.type("#signup-password", PASSWORD);
            page.click("#signup-form button[type=submit]");
            page.awaitVisible("#dashboard-view");
            assertThat(page.find("#shop-name").getText()).isEqualTo("살롱 루미");
            page.await("the live indicator", d -> "live".equals(page.find("#live").getAttribute("data-state")));
            page.js("window.__sameDocument = 'yes'");

            // nothing yet: the empty inbox leads to the Google connection
            page.awaitVisible("#inbox-empty");
            page.click("#empty-action");
            page.awaitVisible("#settings-panel");
            page.type("#google-account", "acc-1");
            page.type("#google-location", location);
            page.type("#google-token", FakeGoogle.VALID_REFRESH_TOKEN);
            page.click("#google-connect");
            page.await("Google to be connected",
                    d -> "true".equals(page.find("#google-state").getAttribute("data-connected")));
            assertThat(page.find("#google-token").getAttribute("value")).isEmpty();

            // the reply settings the drafts will follow
            page.click("label.choice:has(input[value=FRIENDLY])");
            page.type("#set-signature", "- 살롱 루미 드림");
            page.click("#reply-settings button[type=submit]");
            page.await("the settings to be saved", d -> page.find("#toasts").getText().contains("설정을 저장했어요"));
            page.screenshot("06-settings");

            // sync: the reviews arrive, then their drafts, all over the socket
            page.click("#google-sync");
            page.click("#tab-inbox");
            page.await("three drafted reviews",
                    d -> page.findAll("#reviews li.review[data-status=DRAFTED]").size() == 3 ? true : null);
            page.await("the awaiting-approval counter", d -> "3".equals(page.find("#c-awaiting").getText()));
            assertThat(page.js("return window.__sameDocument")).isEqualTo("yes");
            assertThat(page.findAll("#reviews .review-author")).extracting(WebElement::getText)
                    .containsExactly("이지은", SCRIPT_AUTHOR, "Jamie Park"); // newest first
            WebElement lovelyCard = card(page, "이지은");
            assertThat(lovelyCard.findElement(By.cssSelector(".reply-text")).getAttribute("value")).isNotBlank();
            assertThat(lovelyCard.findElement(By.cssSelector(".status-chip")).getText()).isEqualTo("승인 대기");
            assertThat(card(page, "Jamie Park").findElement(By.cssSelector(".reply-text")).getAttribute("value"))
                    .endsWith("- 살롱 루미 드림");
            page.js("window.scrollTo(0, 0)");
            page.screenshot("02-inbox-drafts");

            // a review with markup in it shows those characters, and nothing runs
            WebElement scriptCard = card(page, SCRIPT_AUTHOR);
            assertThat(scriptCard.findElement(By.cssSelector(".review-comment")).getText()).isEqualTo(SCRIPT_REVIEW);
            assertThat(((Number) page.js("return document.querySelectorAll('#reviews script, #reviews img, #reviews b').length")).intValue()).isZero();
            assertThat(page.alertShown()).isFalse();

            // edit the draft and approve it: the card turns PUBLISHED in place
            String edited = "지은 고객님, 예쁘다고 해주셔서 감사합니다! 다음 방문 때도 정성껏 모실게요. - 살롱 루미";
            WebElement draft = lovelyCard.findElement(By.cssSelector(".reply-text"));
            draft.clear();
            draft.sendKeys(edited);
            lovelyCard.findElement(By.cssSelector(".review-approve")).click();
            page.await("the edited reply to be published",
                    d -> "PUBLISHED".equals(lovelyCard.getAttribute("data-status")));
            assertThat(lovelyCard.findElement(By.cssSelector(".status-chip")).getText()).isEqualTo("게시됨");
            assertThat(lovelyCard.findElement(By.cssSelector(".reply-final")).getText()).isEqualTo(edited);
            assertThat(GOOGLE.replyOf(lovely)).isEqualTo(edited);
            assertThat(GOOGLE.replyPuts(lovely)).isEqualTo(1);
            page.await("the published counter", d -> "1".equals(page.find("#c-published").getText()));
            assertThat(page.find("#c-awaiting").getText()).isEqualTo("2");
            assertThat(page.find("#c-reply-rate").getText()).isEqualTo("33%");
            assertThat(page.js("return window.__sameDocument")).isEqualTo("yes");
            page.js("window.scrollTo(0, 0)");
            page.screenshot("03-published");

            // another shop's owner, in another browser, sees none of it, even while it changes
            String token = api.post("/v1/auth/login", null, Map.of("email", email, "password", PASSWORD))
                    .json().path("accessToken").asText();
            String shopId = api.get("/v1/me", token).json().path("memberships").get(0).path("shopId").asText();
            JsonNode settings = api.get("/v1/shops/" + shopId, token).json().path("replySettings");
            assertThat(settings.path("tone").asText()).isEqualTo("FRIENDLY");
            assertThat(settings.path("signature").asText()).isEqualTo("- 살롱 루미 드림");

            // ask for a new draft with an instruction
            WebElement angry = card(page, SCRIPT_AUTHOR);
            angry.findElement(By.cssSelector(".review-redraft")).click();
            WebElement instruction = angry.findElement(By.cssSelector(".redraft-instruction"));
            assertThat(instruction.equals(page.driver().switchTo().activeElement())).isTrue();
            instruction.sendKeys("더 짧게, 주차 안내도 해 주세요");
            instruction.sendKeys(org.openqa.selenium.Keys.ENTER);
            String angryPath = "/v1/shops/" + shopId + "/reviews/" + angry.getAttribute("data-id");
            eventually(() -> api.get(angryPath + "/history", token).json().path("items").findValuesAsString("action"),
                    actions -> actions.stream().filter("DRAFTED"::equals).count() == 2, "the second draft");
            page.await("the new draft in the card", d -> "DRAFTED".equals(angry.getAttribute("data-status"))
                    && !angry.findElement(By.cssSelector(".redraft-form")).isDisplayed());
            assertThat(api.get(angryPath + "/history", token).json().path("items").findValuesAsString("detail"))
                    .anyMatch(detail -> detail.contains("더 짧게"));
            try (Browser stranger = Browser.open(baseUrl(), 1024, 800, "en")) {
                stranger.awaitVisible("#login-form");
                assertThat(stranger.find("#tab-login").getText()).isEqualTo("Log in");
                stranger.click("#tab-signup");
                stranger.type("#signup-name", "Mina");
                stranger.type("#signup-shop", "Nail Studio Next Door");
                stranger.type("#signup-email", "other-" + UUID.randomUUID() + "@salon.test");
                stranger.type("#signup-password", PASSWORD);
                stranger.click("#signup-form button[type=submit]");
                stranger.awaitVisible("#dashboard-view");
                stranger.await("the stranger's live indicator",
                        d -> "live".equals(stranger.find("#live").getAttribute("data-state")));

                HttpApi.Response reject = api.post("/v1/shops/" + shopId + "/reviews/"
                        + card(page, "Jamie Park").getAttribute("data-id") + "/reply/reject", token, Map.of());
                assertThat(reject.status()).isEqualTo(200);
                WebElement jamie = card(page, "Jamie Park");
                page.await("the rejection made elsewhere to show", d -> "REJECTED".equals(jamie.getAttribute("data-status")));
                assertThat(jamie.findElement(By.cssSelector(".status-chip")).getText()).isEqualTo("보류됨");

                stranger.awaitVisible("#inbox-empty");
                assertThat(stranger.findAll("#reviews li")).isEmpty();
                assertThat(stranger.find("#c-awaiting").getText()).isEqualTo("0");
                assertThat(stranger.find("body").getText()).doesNotContain("이지은", "Jamie", "alert", "살롱 루미");
                assertThat(stranger.consoleErrors()).isEmpty();
            }
            assertThat(page.alertShown()).isFalse();
            assertThat(page.consoleErrors()).isEmpty();

            // installable: the service worker runs and its cache holds the shell, never an API answer
            @SuppressWarnings("unchecked")
            List<String> cached = (List<String>) page.jsAsync("""
                    const done = arguments[arguments.length - 1];
                    navigator.serviceWorker.ready
                      .then(() => caches.keys())
                      .then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))
                      .then(lists => done(lists.flat().map(r => new URL(r.url).pathname)))
                      .catch(e => done(['error: ' + e]));
                    """);
            assertThat(cached).contains("/", "/app.css", "/js/main.js")
                    .noneMatch(path -> path.startsWith("/v1") || path.startsWith("/ws") || path.startsWith("error"));
        }
    }

    @Test
    void onAPhoneAFailedPublishShowsItsReasonAndCanBeRetried() {
        Browser.requireInstalled();
        Owner owner = signUp("살롱 모바일");
        String gone = "gone-" + UUID.randomUUID();
        Instant goneAt = Instant.parse("2026-11-25T09:00:00Z");
        GOOGLE.addReview(owner.shopId(), gone, "박서연", 5, "네일 디자인이 너무 마음에 들어요. 다음에도 꼭 올게요!", goneAt);
        GOOGLE.addReview(owner.shopId(), "long-" + UUID.randomUUID(), "Alexander Montgomery-Richardson", 3,
                "https://example.com/" + "a".repeat(160) + " — a very long link without spaces, still readable on a phone.",
                Instant.parse("2026-11-24T09:00:00Z"));
        connectGoogle(owner);
        assertThat(api.post(owner.shop("/reviews/sync"), owner.token(), null).status()).isEqualTo(202);
        eventually(() -> api.get(owner.shop("/reviews?status=DRAFTED"), owner.token()).json().path("total").asInt(),
                n -> n == 2, "two drafts");

        try (Browser phone = Browser.open(baseUrl(), 360, 780, "ko")) {
            assertThat(((Number) phone.js("return window.innerWidth")).intValue()).isEqualTo(360);
            phone.awaitVisible("#login-form");
            assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
            logIn(phone, owner);
            phone.await("two drafted reviews",
                    d -> phone.findAll("#reviews li.review[data-status=DRAFTED]").size() == 2 ? true : null);
            phone.await("the live indicator", d -> "live".equals(phone.find("#live").getAttribute("data-state")));
            assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
            phone.screenshot("04-phone");

            // the reviewer deleted the review on Google meanwhile: the publish fails with a reason
            GOOGLE.removeReview(gone);
            WebElement card = card(phone, "박서연");
            card.findElement(By.cssSelector(".review-approve")).click();
            phone.await("the failure", d -> "PUBLISH_FAILED".equals(card.getAttribute("data-status")));
            WebElement failure = card.findElement(By.cssSelector(".reply-failure"));
            assertThat(failure.isDisplayed()).isTrue();
            assertThat(failure.getText()).contains("Google에서 리뷰가 삭제되었어요");
            phone.await("the failed counter", d -> "1".equals(phone.find("#c-failed").getText()));
            assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
            phone.js("arguments[0].scrollIntoView({block: 'start'})", card);
            phone.js("window.scrollBy(0, -70)");
            phone.screenshot("07-phone-failed");

            // it is back on Google: retry publishes it
            GOOGLE.addReview(owner.shopId(), gone, "박서연", 5, "네일 디자인이 너무 마음에 들어요. 다음에도 꼭 올게요!", goneAt);
            WebElement retry = card.findElement(By.cssSelector(".review-retry"));
            phone.js("arguments[0].focus()", retry);
            retry.sendKeys(org.openqa.selenium.Keys.ENTER); // keyboard works as well as a tap
            phone.await("the retried reply to be published", d -> "PUBLISHED".equals(card.getAttribute("data-status")));
            assertThat(GOOGLE.replyPuts(gone)).isEqualTo(1);
            phone.await("the failed counter to clear", d -> "0".equals(phone.find("#c-failed").getText()));

            phone.click("#tab-settings");
            phone.awaitVisible("#reply-settings");
            assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);

            // English on request
            phone.click("#lang-switch");
            phone.await("English labels", d -> "Inbox".equals(phone.find("#tab-inbox").getText()));
            assertThat(phone.js("return document.documentElement.lang")).isEqualTo("en");
            assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
            assertThat(phone.consoleErrors()).isEmpty();
        }
    }

    @Test
    void theInboxLoadsMoreAndFiltersByRatingStatusAndSource() {
        Browser.requireInstalled();
        Owner owner = signUp("Salon Many Reviews");
        // no drafts this time: the reviews stay NEW and the page offers to write or request one
        assertThat(api.put(owner.shop("/reply-settings"), owner.token(), Map.of("tone", "FRIENDLY", "language", "AUTO",
                "autoDraft", false, "allowOffers", false)).status()).isEqualTo(200);
        GOOGLE.pageSize(25);
        try {
            for (int i = 0; i < 21; i++) {
                GOOGLE.addReview(owner.shopId(), "many-" + i + "-" + UUID.randomUUID(), "Guest " + (i + 1), i % 5 + 1,
                        "Visit number " + (i + 1), Instant.parse("2026-11-01T10:00:00Z").plusSeconds(3600L * i));
            }
            connectGoogle(owner);
            api.post(owner.shop("/reviews/sync"), owner.token(), null);
            eventually(() -> api.get(owner.shop("/reviews"), owner.token()).json().path("total").asInt(),
                    n -> n == 21, "21 reviews");
        } finally {
            GOOGLE.pageSize(2);
        }

        try (Browser page = Browser.open(baseUrl(), 1024, 900, "en")) {
            logIn(page, owner);
            page.await("the first page", d -> page.findAll("#reviews li.review").size() == 20 ? true : null);
            assertThat(page.findAll("#reviews .review-author").get(0).getText()).isEqualTo("Guest 21"); // newest first
            assertThat(page.find("#inbox-count").getText()).isEqualTo("21 reviews");
            WebElement first = page.findAll("#reviews li.review").get(0);
            assertThat(first.getAttribute("data-status")).isEqualTo("NEW");
            assertThat(first.findElement(By.cssSelector(".reply-text")).getAttribute("placeholder"))
                    .isEqualTo("No draft yet. Write one or ask for a new draft.");

            page.click("#load-more");
            page.await("all 21", d -> page.findAll("#reviews li.review").size() == 21 ? true : null);
            assertThat(page.findAll("#reviews .review-author").get(20).getText()).isEqualTo("Guest 1");
            assertThat(page.find("#load-more").isDisplayed()).isFalse();

            new Select(page.find("#filter-rating")).selectByValue("1");
            page.await("only one-star reviews", d -> page.findAll("#reviews .stars").stream()
                    .allMatch(stars -> "1".equals(stars.getAttribute("data-rating")))
                    && page.findAll("#reviews li.review").size() == 5 ? true : null);
            new Select(page.find("#filter-status")).selectByValue("PUBLISHED");
            page.awaitVisible("#inbox-empty");
            assertThat(page.find("#empty-title").getText()).isEqualTo("No reviews match these filters.");
            new Select(page.find("#filter-status")).selectByValue("");
            new Select(page.find("#filter-rating")).selectByValue("");
            new Select(page.find("#filter-source")).selectByValue("NAVER");
            page.awaitVisible("#inbox-empty");
            new Select(page.find("#filter-source")).selectByValue("GOOGLE");
            page.await("the first page again", d -> page.findAll("#reviews li.review").size() == 20 ? true : null);
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    @Test
    void afterTheNetworkDropsThePageReconnectsByItselfAndCatchesUp() {
        Browser.requireInstalled();
        Owner owner = signUp("Salon Reconnect");
        String first = "first-" + UUID.randomUUID();
        GOOGLE.addReview(owner.shopId(), first, "Hana", 5, "Best head spa in town.", Instant.parse("2026-11-20T01:00:00Z"));
        connectGoogle(owner);
        api.post(owner.shop("/reviews/sync"), owner.token(), null);
        JsonNode review = eventually(() -> api.get(owner.shop("/reviews"), owner.token()).json().path("items").path(0),
                r -> "DRAFTED".equals(r.path("status").asText()), "the first draft");

        try (TcpProxy network = new TcpProxy(port);
             Browser page = Browser.open("http://127.0.0.1:" + network.port() + "/", 1100, 850, "en")) {
            logIn(page, owner);
            WebElement card = page.await("the drafted review",
                    d -> page.findAll("#reviews li.review[data-status=DRAFTED]").stream().findFirst().orElse(null));
            page.await("the live indicator", d -> "live".equals(page.find("#live").getAttribute("data-state")));
            page.js("window.__sameDocument = 'yes'");

            network.cut();
            page.await("the reconnecting indicator",
                    d -> "reconnecting".equals(page.find("#live").getAttribute("data-state")));
            assertThat(page.find("#live").getText()).isEqualTo("Reconnecting");
            page.screenshot("05-reconnecting");

            // while the page is cut off: the reply is approved elsewhere and a new review arrives
            String second = "second-" + UUID.randomUUID();
            GOOGLE.addReview(owner.shopId(), second, "Yuna", 4, "Quick and friendly, will come back.",
                    Instant.parse("2026-11-26T01:00:00Z"));
            assertThat(api.post(owner.shop("/reviews/" + review.path("id").asText() + "/reply/approve"), owner.token(),
                    Map.of()).status()).isEqualTo(202);
            api.post(owner.shop("/reviews/sync"), owner.token(), null);
            eventually(() -> api.get(owner.shop("/dashboard"), owner.token()).json().path("reviews"),
                    counts -> counts.path("published").asInt() == 1 && counts.path("awaitingApproval").asInt() == 1,
                    "the changes made while the page was offline");
            network.restore();

            page.await("the live indicator to come back",
                    d -> "live".equals(page.find("#live").getAttribute("data-state")));
            page.await("the missed publish", d -> "PUBLISHED".equals(card.getAttribute("data-status")));
            page.await("the missed review", d -> page.findAll("#reviews .review-author").stream()
                    .map(WebElement::getText).toList().equals(List.of("Yuna", "Hana")));
            page.await("the counters", d -> "1".equals(page.find("#c-published").getText())
                    && "1".equals(page.find("#c-awaiting").getText()));
            assertThat(page.js("return window.__sameDocument")).isEqualTo("yes");

            // fifteen minutes later the access token is renewed with the refresh token before it is used ...
            page.js("""
                    window.__calls = [];
                    const realFetch = window.fetch.bind(window);
                    window.__realFetch = realFetch;
                    window.fetch = (url, options) => { window.__calls.push(String(url)); return realFetch(url, options); };
                    const realNow = Date.now;
                    Date.now = () => realNow() + 15 * 60 * 1000;
                    window.__restoreClock = () => { Date.now = realNow; };
                    """);
            page.click("#sync-now");
            page.await("the sync after a renewal", d -> calls(page).size() >= 2);
            assertThat(calls(page)).containsExactly("/v1/auth/refresh", "/v1/shops/" + owner.shopId() + "/reviews/sync");
            page.await("the sync to be accepted", d -> page.find("#toasts").getText().contains("Sync started"));

            // ... and when the server answers 401 anyway, renewed once and the request repeated
            page.js("""
                    window.__restoreClock();
                    window.__calls = [];
                    let refused = false;
                    window.fetch = (url, options) => {
                      window.__calls.push(String(url));
                      if (!refused && options && options.headers && options.headers.Authorization) {
                        refused = true;
                        return Promise.resolve(new Response('{"error":{"code":"UNAUTHENTICATED","message":"expired"}}',
                            { status: 401, headers: { 'Content-Type': 'application/json' } }));
                      }
                      return window.__realFetch(url, options);
                    };
                    """);
            String sync = "/v1/shops/" + owner.shopId() + "/reviews/sync";
            page.click("#sync-now");
            page.await("the repeated sync", d -> calls(page).size() >= 3);
            assertThat(calls(page)).containsExactly(sync, "/v1/auth/refresh", sync);
            assertThat(page.find("#dashboard-view").isDisplayed()).isTrue();
            assertThat(page.consoleErrors(true)).isEmpty();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /** The token renewals and syncs the page sent, in order (other calls, e.g. a catch-up, do not matter here). */
    @SuppressWarnings("unchecked")
    private static List<String> calls(Browser page) {
        return ((List<String>) page.js("return window.__calls")).stream()
                .filter(path -> path.endsWith("/auth/refresh") || path.endsWith("/reviews/sync")).toList();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    private static void logIn(Browser page, Owner owner) {
        page.awaitVisible("#login-form");
        page.type("#login-email", owner.email());
        page.type("#login-password", PASSWORD);
        page.click("#login-form button[type=submit]");
        page.awaitVisible("#dashboard-view");
    }

    private static WebElement card(Browser page, String author) {
        return page.await("the card of " + author, d -> page.findAll("#reviews li.review").stream()
                .filter(li -> li.findElement(By.cssSelector(".review-author")).getText().equals(author))
                .findFirst().orElse(null));
    }

    private void connectGoogle(Owner owner) {
        HttpApi.Response connect = api.put(owner.shop("/connections/google"), owner.token(), Map.of(
                "accountId", "acc-1", "locationId", owner.shopId(), "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN));
        assertThat(connect.status()).as(connect.body()).isEqualTo(200);
    }

    private byte[] bytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
