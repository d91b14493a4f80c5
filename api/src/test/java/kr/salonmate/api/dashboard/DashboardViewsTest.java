package kr.salonmate.api.dashboard;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.support.Csv;
import kr.salonmate.api.support.FakeGoogle;
import kr.salonmate.api.support.FakeInstagram;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.ShopFixtures;
import kr.salonmate.api.support.TestImages;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The posts, audit and analytics views of the dashboard in headless Chromium against the whole running application,
 * Instagram played by {@link FakeInstagram} and Google by {@link FakeGoogle} over HTTP. The browser runs in another
 * time zone than the shop (Los Angeles vs Seoul), so a schedule that used the browser's zone would be caught.
 */
class DashboardViewsTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    private AccountStore accounts;
    @Autowired
    private CommandGateway commands;
    private ShopFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ShopFixtures(accounts, commands);
    }

    @Test
    @SuppressWarnings("unchecked")
    void postsAreUploadedDraftedLiveEditedScheduledInTheShopsZoneCancelledAndPublished() throws Exception {
        Browser.requireInstalled();
        Owner owner = signUp("살롱 포스트");
        FakeInstagram.Account instagram = INSTAGRAM.newAccount();
        Path dir = Files.createTempDirectory("salonmate-photos-");
        Path portrait = write(dir, "겨울-레이어드.jpg", TestImages.jpeg(1080, 1350));
        Path square = write(dir, "nails.png", TestImages.png(1080, 1080));
        Path liar = write(dir, "not-a-photo.jpg", TestImages.notAnImage());
        Path panorama = write(dir, "panorama.jpg", TestImages.jpeg(1500, 500));
        Path huge = write(dir, "huge.jpg", new byte[10 * 1024 * 1024 + 1]);

        try (Browser page = Browser.open(baseUrl(), 1280, 1300, "ko")) {
            inLosAngeles(page);
            logIn(page, owner);

            // Instagram is connected in the page (Settings), the token is not kept in the form
            page.click("#tab-posts");
            page.awaitVisible("#instagram-missing");
            page.click("#instagram-missing button");
            page.awaitVisible("#instagram-form");
            page.type("#instagram-user", instagram.igUserId());
            page.type("#instagram-token", instagram.token());
            page.click("#instagram-connect");
            page.await("Instagram to be connected",
                    d -> "true".equals(page.find("#instagram-state").getAttribute("data-connected")));
            assertThat(page.find("#instagram-token").getAttribute("value")).isEmpty();
            page.click("#tab-posts");
            page.await("the notice to go", d -> !page.find("#instagram-missing").isDisplayed());

            // photos: what the API refuses says why, with the bytes sniffed by the server
            page.js("""
                    window.__uploads = 0;
                    const realOpen = XMLHttpRequest.prototype.open;
                    XMLHttpRequest.prototype.open = function (...args) { window.__uploads += 1; return realOpen.apply(this, args); };
                    """);
            page.find("#post-files").sendKeys(String.join("\n", portrait.toString(), liar.toString(),
                    panorama.toString(), huge.toString()));
            WebElement good = upload(page, "겨울-레이어드.jpg");
            page.await("the portrait uploaded", d -> "done".equals(good.getAttribute("data-state")));
            assertThat(good.findElement(By.cssSelector(".upload-status")).getText()).contains("1080×1350");
            WebElement lie = upload(page, "not-a-photo.jpg");
            page.await("the fake photo refused", d -> "error".equals(lie.getAttribute("data-state")));
            assertThat(lie.getText()).contains("JPEG, PNG, WebP 사진만 올릴 수 있어요");
            WebElement wide = upload(page, "panorama.jpg");
            page.await("the panorama checked", d -> "error".equals(wide.getAttribute("data-state")));
            assertThat(wide.getText()).contains("1500×500").contains("4:5");
            WebElement big = upload(page, "huge.jpg"); // over 10 MiB: refused in the page, never sent
            assertThat(big.getAttribute("data-state")).isEqualTo("error");
            assertThat(big.getText()).contains("10MB보다 커서 올릴 수 없어요 (10MB)");
            assertThat(page.js("return window.__uploads")).isEqualTo(3L);
            page.click("#post-create");
            assertThat(page.awaitVisible("#composer-message").getText()).contains("빨간색");
            press(page, lie.findElement(By.cssSelector(".upload-remove")));
            press(page, wide.findElement(By.cssSelector(".upload-remove")));
            press(page, big.findElement(By.cssSelector(".upload-remove")));
            assertThat(page.findAll("#uploads li")).hasSize(1);

            // the post: created with a brief, the caption arrives over the socket without moving the page
            page.js("""
                    window.__heights = [];
                    new MutationObserver(() => {
                      for (const li of document.querySelectorAll('#posts li.post')) {
                        window.__heights.push(li.dataset.status + ' ' + li.querySelector('.post-card').offsetHeight);
                      }
                    }).observe(document.getElementById('posts'),
                        { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
                    """);
            page.type("#post-brief", "겨울 레이어드 컷 신규 오픈");
            page.click("#post-create");
            WebElement first = page.await("the new post", d -> page.findAll("#posts li.post").stream().findFirst().orElse(null));
            // the post may arrive over the socket before the create request's answer empties the composer
            page.await("the composer emptied", d -> page.findAll("#uploads li").isEmpty());
            String firstId = first.getAttribute("data-id");
            page.await("the AI caption", d -> "READY".equals(first.getAttribute("data-status")));
            @SuppressWarnings("unchecked")
            List<String> heights = (List<String>) page.js("return window.__heights");
            assertThat(heights).anyMatch(h -> h.startsWith("DRAFTING ")).anyMatch(h -> h.startsWith("READY "));
            assertThat(heights.stream().map(h -> h.substring(h.indexOf(' ') + 1)).distinct().toList())
                    .as("the card's height while drafting and when ready: %s", heights).hasSize(1);
            WebElement caption = first.findElement(By.cssSelector(".post-caption"));
            assertThat(caption.getAttribute("value")).contains("겨울 레이어드 컷");
            assertThat(first.findElement(By.cssSelector(".post-hashtags")).getAttribute("value")).startsWith("#");
            assertThat(first.findElement(By.cssSelector(".status-chip")).getText()).isEqualTo("게시 준비됨");
            assertThat(first.findElement(By.cssSelector(".post-media img")).getAttribute("src")).contains("/v1/media/");

            // edit caption and hashtags
            caption.clear();
            caption.sendKeys("이번 주 예약 오픈! <b>레이어드</b> 컷 ✂️");
            WebElement tags = first.findElement(By.cssSelector(".post-hashtags"));
            tags.clear();
            tags.sendKeys("#살롱루미, 레이어드컷 #겨울헤어");
            press(page, first.findElement(By.cssSelector(".post-save")));
            String postPath = owner.shop("/posts/" + firstId);
            JsonNode saved = eventually(() -> api.get(postPath, owner.token()).json(),
                    p -> p.path("caption").asText().startsWith("이번 주"), "the edited caption");
            assertThat(saved.path("caption").asText()).isEqualTo("이번 주 예약 오픈! <b>레이어드</b> 컷 ✂️");
            assertThat(saved.path("hashtags").toString()).isEqualTo("[\"살롱루미\",\"레이어드컷\",\"겨울헤어\"]");

            // schedule it at 10:30 tomorrow in the SHOP's zone (the browser thinks it is in Los Angeles)
            page.js("""
                    window.__publishBodies = [];
                    const realFetch = window.fetch.bind(window);
                    window.fetch = (url, options) => {
                      if (String(url).endsWith('/publish')) window.__publishBodies.push(options && options.body);
                      return realFetch(url, options);
                    };
                    """);
            LocalDate tomorrow = LocalDate.now(SEOUL).plusDays(1);
            press(page, first.findElement(By.cssSelector(".post-schedule")));
            WebElement date = first.findElement(By.cssSelector(".schedule-date"));
            assertThat(date.equals(page.driver().switchTo().activeElement())).isTrue();
            assertThat(first.findElement(By.cssSelector(".schedule-zone")).getText()).contains("Asia/Seoul (UTC+09:00)");
            setValue(page, date, tomorrow.toString());
            setValue(page, first.findElement(By.cssSelector(".schedule-time")), "10:30");
            press(page, first.findElement(By.cssSelector(".schedule-submit")));
            page.await("the scheduled post", d -> "SCHEDULED".equals(first.getAttribute("data-status")));
            Instant expected = tomorrow.atTime(LocalTime.of(10, 30)).atZone(SEOUL).toInstant();
            assertThat(api.get(postPath, owner.token()).json().path("scheduledAt").asText()).isEqualTo(expected.toString());
            assertThat((List<Object>) page.js("return window.__publishBodies"))
                    .containsExactly("{\"at\":\"" + tomorrow + "T10:30:00+09:00\"}");
            assertThat(first.findElement(By.cssSelector(".post-note")).getText()).contains("오전 10:30").contains("Asia/Seoul");
            // the agenda groups it under tomorrow (Seoul), at 10:30 Seoul time
            WebElement day = page.await("the agenda day", d -> page.findAll("#agenda li.agenda-day").stream()
                    .findFirst().orElse(null));
            assertThat(day.getAttribute("data-day")).isEqualTo(tomorrow.toString());
            assertThat(day.findElement(By.cssSelector(".agenda-today")).getText()).isEqualTo("내일");
            assertThat(day.findElement(By.cssSelector(".agenda-time")).getText()).isEqualTo("오전 10:30");
            assertThat(day.findElement(By.cssSelector(".agenda-caption")).getText()).startsWith("이번 주 예약 오픈!");
            assertThat(((Number) page.js("return document.querySelectorAll('#posts b, #agenda b').length")).intValue()).isZero();
            page.await("the scheduled counter", d -> page.find("#post-counts").getText().startsWith("예약 1개"));
            scrollTo(page, ".posts-top");
            page.screenshot("10-posts-scheduled");

            // cancel the schedule: nothing is published, the agenda is empty again
            press(page, first.findElement(By.cssSelector(".post-cancel")));
            page.await("the cancelled post", d -> "CANCELLED".equals(first.getAttribute("data-status")));
            page.awaitVisible("#agenda-empty");
            assertThat(instagram.publishCalls()).isZero();

            // a second post, published now: it turns PUBLISHED in place, with its Instagram link
            page.find("#post-files").sendKeys(square.toString());
            WebElement png = upload(page, "nails.png");
            page.await("the PNG uploaded", d -> "done".equals(png.getAttribute("data-state")));
            page.click("#post-create");
            WebElement second = page.await("the second post", d -> page.findAll("#posts li.post").stream()
                    .filter(li -> !firstId.equals(li.getAttribute("data-id"))).findFirst().orElse(null));
            assertThat(page.findAll("#posts li.post").get(0)).isEqualTo(second); // newest first
            page.await("the second caption", d -> "READY".equals(second.getAttribute("data-status")));
            String secondCaption = second.findElement(By.cssSelector(".post-caption")).getAttribute("value");
            page.js("window.__sameDocument = 'yes'");
            press(page, second.findElement(By.cssSelector(".post-publish")));
            page.await("the published post", d -> "PUBLISHED".equals(second.getAttribute("data-status")));
            assertThat(second.findElement(By.cssSelector(".status-chip")).getText()).isEqualTo("게시됨");
            assertThat(second.findElement(By.cssSelector(".post-permalink")).getAttribute("href"))
                    .startsWith("https://www.instagram.com/p/");
            assertThat(second.findElement(By.cssSelector(".post-actions")).isDisplayed()).isFalse();
            assertThat(instagram.published()).hasSize(1);
            page.await("the post counters", d -> page.find("#post-counts").getText().equals("예약 0개 · 지금까지 게시 1개"));
            assertThat(INSTAGRAM.captionOf(instagram.published().get(0))).startsWith(secondCaption.strip() + "\n\n#");
            assertThat(page.js("return window.__sameDocument")).isEqualTo("yes");

            // the status filter
            new Select(page.find("#posts-status")).selectByValue("CANCELLED");
            page.await("only the cancelled post", d -> page.findAll("#posts li.post").size() == 1
                    && firstId.equals(page.findAll("#posts li.post").get(0).getAttribute("data-id")) ? true : null);
            new Select(page.find("#posts-status")).selectByValue("");
            page.await("both posts", d -> page.findAll("#posts li.post").size() == 2 ? true : null);
            scrollTo(page, ".list-head");
            page.screenshot("11-posts-published");
            // the only error the browser reports is the refused fake photo (415), which the page explained
            assertThat(page.consoleErrors()).hasSize(1).allMatch(error -> error.contains("/media") && error.contains("415"));
        }
    }

    @Test
    void aManagerBrowsesFiltersAndExportsTheAuditTrailAndStaffDoNotSeeIt() throws Exception {
        Browser.requireInstalled();
        Owner owner = signUp("살롱 기록");
        String external = "audit-" + UUID.randomUUID();
        GOOGLE.addReview(owner.shopId(), external, "한지민", 4, "커트는 <b>좋았는데</b> 기다림이 길었어요", Instant.now().minusSeconds(3600));
        connectGoogle(owner);
        api.post(owner.shop("/reviews/sync"), owner.token(), null);
        JsonNode review = eventually(() -> api.get(owner.shop("/reviews"), owner.token()).json().path("items").path(0),
                r -> "DRAFTED".equals(r.path("status").asText()), "the draft");
        String reviewPath = owner.shop("/reviews/" + review.path("id").asText());
        String edited = "=기다리게 해서 죄송해요, \"다음\"엔 더 빨리 모실게요!";
        assertThat(api.post(reviewPath + "/reply/approve", owner.token(), Map.of("text", edited)).status()).isEqualTo(202);
        eventually(() -> api.get(reviewPath + "/history", owner.token()).json().path("items").findValuesAsString("action"),
                actions -> actions.contains("PUBLISHED"), "the publication in the history");

        Owner manager = signUp("매니저의 다른 매장");
        fixtures.join(owner, manager, Role.MANAGER);
        Owner staff = signUp("직원의 다른 매장");
        fixtures.join(owner, staff, Role.STAFF);

        try (Browser page = Browser.open(baseUrl(), 1280, 1000, "ko")) {
            logIn(page, manager);
            switchShop(page, owner.shopId());
            page.click("#tab-audit");
            page.await("six entries", d -> page.findAll("#audit-rows tr").size() == 6 ? true : null);
            assertThat(page.findAll("#audit-rows tr")).extracting(tr -> tr.getAttribute("data-action"))
                    .containsExactly("PUBLISHED", "APPROVED", "EDITED", "DRAFTED", "DRAFT_REQUESTED", "SYNCED");
            WebElement edit = page.find("#audit-rows tr[data-action=EDITED]");
            assertThat(edit.findElement(By.cssSelector(".audit-after")).getText()).contains(edited);
            assertThat(edit.findElement(By.cssSelector(".audit-before")).getText()).isNotBlank();
            assertThat(edit.findElement(By.cssSelector(".audit-actor")).getText()).isEqualTo("김사장");
            assertThat(page.find("#audit-rows tr[data-action=DRAFTED] .audit-actor").getText()).isEqualTo("AI");
            assertThat(page.find("#audit-rows tr[data-action=SYNCED] .audit-content").getText())
                    .contains("커트는 <b>좋았는데</b>");
            assertThat(((Number) page.js("return document.querySelectorAll('#audit-rows b').length")).intValue()).isZero();
            assertThat(page.find("#audit-summary").getText()).contains("6");
            scrollTo(page, "#audit-filters");
            page.screenshot("12-audit");

            // filter by person (the owner edited and approved), then by action
            new Select(page.find("#audit-actor")).selectByValue(owner.userId());
            page.await("only the owner's steps", d -> page.findAll("#audit-rows tr").size() == 2 ? true : null);
            assertThat(page.findAll("#audit-rows tr")).extracting(tr -> tr.getAttribute("data-action"))
                    .containsExactly("APPROVED", "EDITED");
            new Select(page.find("#audit-actor")).selectByValue("");
            page.await("everyone's steps", d -> page.findAll("#audit-rows tr").size() == 6 ? true : null);
            new Select(page.find("#audit-action")).selectByValue("EDITED");
            page.await("only the edit", d -> page.findAll("#audit-rows tr").size() == 1 ? true : null);
            assertThat(page.find("#audit-rows tr").getAttribute("data-action")).isEqualTo("EDITED");

            // the CSV export of that selection: fetched with the token in a header, handed over as a Blob
            page.js("""
                    window.__csv = null;
                    window.__csvUrls = [];
                    const realFetch = window.fetch.bind(window);
                    window.fetch = (url, options) => { window.__csvUrls.push(String(url)); return realFetch(url, options); };
                    const realCreate = URL.createObjectURL.bind(URL);
                    URL.createObjectURL = blob => { window.__csv = blob; return realCreate(blob); };
                    """);
            page.click("#audit-csv");
            page.await("the CSV blob", d -> Boolean.TRUE.equals(page.js("return window.__csv !== null")));
            String base64 = (String) page.jsAsync("""
                    const done = arguments[arguments.length - 1];
                    window.__csv.arrayBuffer().then(buffer => {
                      let binary = '';
                      new Uint8Array(buffer).forEach(b => { binary += String.fromCharCode(b); });
                      done(btoa(binary));
                    });
                    """);
            byte[] bytes = Base64.getDecoder().decode(base64);
            assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
            List<List<String>> records = Csv.parse(csv);
            assertThat(records.get(0)).containsExactly("at", "reviewId", "action", "actorType", "actorId", "actorName",
                    "text", "previousText", "model", "detail");
            assertThat(records).hasSize(2);
            assertThat(records.get(1).get(2)).isEqualTo("EDITED");
            assertThat(records.get(1).get(5)).isEqualTo("김사장");
            assertThat(records.get(1).get(6)).isEqualTo("'" + edited); // a formula-looking cell is neutralised
            assertThat(page.js("return window.__csv.type")).asString().startsWith("text/csv");
            @SuppressWarnings("unchecked")
            List<String> urls = (List<String>) page.js("return window.__csvUrls");
            assertThat(urls).anyMatch(url -> url.contains("/audit?") && url.contains("format=csv")
                    && url.contains("action=EDITED")).noneMatch(url -> url.contains("token") || url.contains("eyJ"));
            assertThat(page.js("return Object.keys(localStorage).concat(Object.keys(sessionStorage))"))
                    .asString().doesNotContain("token");
            assertThat(page.consoleErrors()).isEmpty();
        }

        try (Browser page = Browser.open(baseUrl(), 1024, 900, "ko")) {
            logIn(page, staff);
            // in the staff member's own shop (OWNER there) the audit trail is offered ...
            switchShop(page, staff.shopId());
            page.awaitVisible("#tab-audit");
            assertThat(page.find("#tab-analytics").isDisplayed()).isTrue();
            // ... in the shop where they are STAFF it is not, and the arrow keys skip it
            switchShop(page, owner.shopId());
            page.await("the staff view", d -> !page.find("#tab-audit").isDisplayed());
            assertThat(page.find("#tab-analytics").isDisplayed()).isFalse();
            page.js("arguments[0].focus()", page.find("#tab-posts"));
            page.find("#tab-posts").sendKeys(Keys.ARROW_RIGHT);
            page.await("the settings tab", d -> "true".equals(page.find("#tab-settings").getAttribute("aria-selected")));
            assertThat(page.find("#audit-panel").isDisplayed()).isFalse();
            // staff prepare posts but do not publish them
            page.find("#tab-settings").sendKeys(Keys.ARROW_LEFT);
            page.await("the posts view", d -> page.find("#posts-panel").isDisplayed());
            assertThat(page.find("#post-composer").isDisplayed()).isTrue();
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    @Test
    void analyticsDrawTheShopsRealNumbersAndFitAPhone() throws Exception {
        Browser.requireInstalled();
        Owner owner = signUp("살롱 분석");
        Instant now = Instant.now();
        String[][] reviews = {
                {"5", "원장님이 정말 친절하시고 커트가 최고예요"},
                {"5", "커트 너무 마음에 들어요 친절한 원장님 추천"},
                {"4", "커트 좋아요 주차는 조금 불편해요"},
                {"2", "기다리는 시간이 너무 길고 불친절했어요"},
        };
        List<String> externals = new ArrayList<>();
        for (int i = 0; i < reviews.length; i++) {
            String external = "stats-" + i + "-" + UUID.randomUUID();
            externals.add(external);
            GOOGLE.addReview(owner.shopId(), external, "손님" + i, Integer.parseInt(reviews[i][0]), reviews[i][1],
                    now.minus(i * 2L + 1, ChronoUnit.DAYS));
        }
        connectGoogle(owner);
        api.post(owner.shop("/reviews/sync"), owner.token(), null);
        JsonNode drafted = eventually(() -> api.get(owner.shop("/reviews?status=DRAFTED&size=10"), owner.token()).json(),
                page -> page.path("total").asInt() == 4, "four drafts");
        // one draft approved as written, one after an edit
        List<String> ids = drafted.path("items").findValuesAsString("id");
        String kept = owner.shop("/reviews/" + ids.get(0));
        String changed = owner.shop("/reviews/" + ids.get(1));
        assertThat(api.post(kept + "/reply/approve", owner.token(), Map.of()).status()).isEqualTo(202);
        assertThat(api.post(changed + "/reply/approve", owner.token(), Map.of("text", "고쳐 쓴 답글이에요. 감사합니다!"))
                .status()).isEqualTo(202);
        JsonNode expected = eventually(() -> api.get(owner.shop("/analytics"), owner.token()).json(), analytics -> {
            long unchanged = 0;
            long edited = 0;
            for (JsonNode bucket : analytics.path("buckets")) {
                unchanged += bucket.path("aiAcceptedUnchanged").asLong();
                edited += bucket.path("aiEdited").asLong();
            }
            long replies = 0;
            for (JsonNode bucket : analytics.path("buckets")) {
                replies += bucket.path("replies").asLong();
            }
            return unchanged == 1 && edited == 1 && replies == 2;
        }, "the analytics projection");
        long total = 0;
        for (JsonNode bucket : expected.path("buckets")) {
            total += bucket.path("reviews").asLong();
        }
        assertThat(total).isEqualTo(4);
        String topKeyword = expected.path("keywords").path(0).path("term").asText();
        long topCount = expected.path("keywords").path(0).path("count").asLong();

        try (Browser page = Browser.open(baseUrl(), 1280, 1400, "ko")) {
            logIn(page, owner);
            page.click("#tab-analytics");
            page.await("the charts", d -> page.findAll("#chart-volume svg").size() == 1 ? true : null);
            assertThat(page.find("#analytics-totals [data-metric=reviews] dd").getText()).isEqualTo("4");
            assertThat(page.find("#analytics-totals [data-metric=rating] dd").getText()).isEqualTo("4.0 ★");
            assertThat(page.find("#analytics-totals [data-metric=replyRate] dd").getText()).isEqualTo("50%");
            assertThat(page.find("#analytics-totals [data-metric=acceptance] dd").getText()).isEqualTo("50%");

            // reviews per day: 30 bars whose values add up to 4, each where the API put it
            List<WebElement> bars = page.findAll("#chart-volume rect.chart-bar");
            assertThat(bars).hasSize(expected.path("buckets").size());
            assertThat(bars.stream().mapToInt(bar -> Integer.parseInt(bar.getAttribute("data-value"))).sum()).isEqualTo(4);
            for (int i = 0; i < bars.size(); i++) {
                assertThat(bars.get(i).getAttribute("data-value")).as("bucket " + i)
                        .isEqualTo(expected.path("buckets").get(i).path("reviews").asText());
            }
            assertThat(page.findAll("#chart-volume circle.chart-dot")).hasSize(4); // a rating point per day with reviews
            assertThat(page.find("#chart-volume svg title").getAttribute("textContent")).isEqualTo("리뷰 수와 평균 별점");
            assertThat(page.find("#chart-volume svg desc").getAttribute("textContent")).contains("리뷰 4개").contains("4.0");

            // rating distribution
            assertThat(page.find("#chart-ratings rect.chart-bar[data-label='5★']").getAttribute("data-value")).isEqualTo("2");
            assertThat(page.find("#chart-ratings rect.chart-bar[data-label='4★']").getAttribute("data-value")).isEqualTo("1");
            assertThat(page.find("#chart-ratings rect.chart-bar[data-label='2★']").getAttribute("data-value")).isEqualTo("1");
            assertThat(page.find("#chart-ratings text.chart-value[data-label='5★']").getAttribute("textContent"))
                    .isEqualTo("2 · 50%");
            // AI drafts as written vs edited, sentiment as the API counted it, the top keyword
            assertThat(page.find("#chart-ai text.chart-legend[data-label='그대로']").getAttribute("textContent"))
                    .isEqualTo("그대로 1 (50%)");
            assertThat(page.find("#chart-ai text.chart-legend[data-label='고쳐서']").getAttribute("textContent"))
                    .isEqualTo("고쳐서 1 (50%)");
            assertThat(page.find("#chart-sentiment text.chart-legend[data-label='긍정']").getAttribute("textContent"))
                    .startsWith("긍정 " + expected.path("sentiment").path("positive").asText());
            assertThat(page.find("#chart-sentiment text.chart-legend[data-label='부정']").getAttribute("textContent"))
                    .startsWith("부정 " + expected.path("sentiment").path("negative").asText());
            assertThat(page.findAll("#chart-keywords text.chart-label").get(0).getAttribute("textContent")).isEqualTo(topKeyword);
            assertThat(page.findAll("#chart-keywords rect.chart-bar").get(0).getAttribute("data-value"))
                    .isEqualTo(String.valueOf(topCount));
            scrollTo(page, "#analytics-filters");
            page.screenshot("13-analytics");
            // the numbers as a table too
            page.click("#chart-ratings details summary");
            assertThat(page.find("#chart-ratings table").getText()).contains("5★").contains("2");

            // by week: as many bars as the API has weeks
            new Select(page.find("#analytics-bucket")).selectByValue("WEEK");
            int weeks = api.get(owner.shop("/analytics?bucket=WEEK"), owner.token()).json().path("buckets").size();
            page.await("weekly bars", d -> page.findAll("#chart-volume rect.chart-bar").size() == weeks ? true : null);
            assertThat(page.consoleErrors()).isEmpty();
        }

        try (Browser phone = Browser.open(baseUrl(), 360, 780, "ko")) {
            logIn(phone, owner);
            phone.click("#tab-analytics");
            phone.await("the charts", d -> phone.findAll("#chart-ratings svg").size() == 1 ? true : null);
            assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
            long svgWidth = ((Number) phone.js("return document.querySelector('#chart-volume svg').getBoundingClientRect().width")).longValue();
            assertThat(svgWidth).isBetween(260L, 340L); // drawn for the phone, not shrunk from a desktop drawing
            scrollTo(phone, "#analytics-totals");
            phone.screenshot("14-phone-analytics");
            // in English too, redrawn in place
            phone.click("#lang-switch");
            phone.await("English charts", d -> "Reviews and average rating".equals(
                    phone.find("#chart-volume svg title").getAttribute("textContent")));
            assertThat(phone.find("#tab-analytics").getText()).isEqualTo("Analytics");
            assertThat(phone.find("#analytics-totals [data-metric=reviews] dt").getText()).isEqualTo("Reviews");
            assertThat(phone.find("#chart-ai text.chart-legend[data-label='As written']").getAttribute("textContent"))
                    .isEqualTo("As written 1 (50%)");
            assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
            phone.click("#lang-switch");
            phone.click("#tab-posts");
            phone.awaitVisible("#post-composer");
            assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
            phone.click("#tab-audit");
            phone.await("the audit rows", d -> !phone.findAll("#audit-rows tr").isEmpty() ? true : null);
            assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
            scrollTo(phone, "#audit-table");
            phone.screenshot("15-phone-audit");
            assertThat(phone.consoleErrors()).isEmpty();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** Clicks like a person would: the element scrolled to the middle of the screen first (toasts sit at the bottom). */
    private static void press(Browser page, WebElement element) {
        page.js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Scrolls so that the element is at the top, below the sticky bar. */
    private static void scrollTo(Browser page, String css) {
        page.js("document.querySelector(arguments[0]).scrollIntoView({block: 'start'}); window.scrollBy(0, -70);", css);
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** The browser's own clock in Los Angeles: only the shop's zone (Seoul) may decide what 10:30 means. */
    private static void inLosAngeles(Browser page) {
        ((ChromeDriver) page.driver()).executeCdpCommand("Emulation.setTimezoneOverride",
                Map.of("timezoneId", "America/Los_Angeles"));
        assertThat(page.js("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo("America/Los_Angeles");
    }

    private static void logIn(Browser page, Owner owner) {
        page.awaitVisible("#login-form");
        page.type("#login-email", owner.email());
        page.type("#login-password", PASSWORD);
        page.click("#login-form button[type=submit]");
        page.awaitVisible("#dashboard-view");
        page.await("the live indicator", d -> "live".equals(page.find("#live").getAttribute("data-state")));
    }

    private static void switchShop(Browser page, String shopId) {
        page.awaitVisible("#shop-switch");
        new Select(page.find("#shop-switch")).selectByValue(shopId);
        page.await("the shop " + shopId, d -> shopId.equals(page.find("#shop-switch").getAttribute("value"))
                && "live".equals(page.find("#live").getAttribute("data-state")));
    }

    private static WebElement upload(Browser page, String name) {
        return page.await("the upload " + name, d -> page.findAll("#uploads li.upload").stream()
                .filter(li -> li.findElement(By.cssSelector(".upload-name")).getText().equals(name))
                .findFirst().orElse(null));
    }

    private static void setValue(Browser page, WebElement input, String value) {
        page.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    private void connectGoogle(Owner owner) {
        HttpApi.Response connect = api.put(owner.shop("/connections/google"), owner.token(), Map.of(
                "accountId", "acc-1", "locationId", owner.shopId(), "refreshToken", FakeGoogle.VALID_REFRESH_TOKEN));
        assertThat(connect.status()).as(connect.body()).isEqualTo(200);
    }
}
