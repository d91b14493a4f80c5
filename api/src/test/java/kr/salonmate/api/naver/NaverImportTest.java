package kr.salonmate.api.naver;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.ShopFixtures;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The Naver import through the real HTTP API, on PostgreSQL, with the real Review aggregate deciding. */
class NaverImportTest extends IntegrationTest {

    /** Drafting goes through the shop read model, the auto-draft policy and the drafting saga: slow on a busy machine. */
    private static final Duration DRAFTING_LIMIT = Duration.ofSeconds(90);

    private static final String CSV = "text/csv";

    @Autowired
    private AccountStore accounts;
    @Autowired
    private CommandGateway commands;

    @ParameterizedTest
    @ValueSource(strings = {"reviews-utf8.csv", "reviews-utf8-bom.csv", "reviews-cp949.csv"})
    void everyEncodingImportsTheSameReviews(String file) throws Exception {
        Owner owner = quietShop("네이버 살롱");

        HttpApi.Response response = importFile(owner, NaverCsvTest.sample(file));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(counts(response)).containsExactly(4, 0, 0);
        assertThat(response.json().path("errors").size()).isZero();
        List<JsonNode> reviews = naverReviews(owner, 4);
        JsonNode quoted = byExternalId(reviews, "nv-002");
        assertThat(quoted.path("source").asText()).isEqualTo("NAVER");
        assertThat(quoted.path("comment").asText()).isEqualTo("직원분이 \"최고\"라고 했어요");
        assertThat(quoted.path("author").asText()).isEqualTo("lee***");
        assertThat(quoted.path("rating").asInt()).isEqualTo(4);
        assertThat(quoted.path("createdAt").asText()).isEqualTo("2026-11-25T15:00:00Z");
        assertThat(byExternalId(reviews, "nv-001").path("comment").asText()).isEqualTo("커트 잘해주셔서 감사해요, 또 올게요!");
        assertThat(byExternalId(reviews, "nv-001").path("createdAt").asText()).isEqualTo("2026-11-26T15:00:00Z");
        assertThat(byExternalId(reviews, "nv-003").path("comment").asText()).isEqualTo("첫 줄\n둘째 줄, 그리고 쉼표");
        assertThat(byExternalId(reviews, "nv-003").path("createdAt").asText()).isEqualTo("2026-11-25T01:15:00Z");
        assertThat(byExternalId(reviews, "nv-003").path("language").asText()).isEqualTo("ko");
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndAChangedRowIsAnEdit() throws Exception {
        Owner owner = quietShop("다시 올리는 살롱");
        assertThat(counts(importFile(owner, NaverCsvTest.sample("reviews-utf8.csv")))).containsExactly(4, 0, 0);
        String id = byExternalId(naverReviews(owner, 4), "nv-002").path("id").asText();
        long version = api.get(owner.shop("/reviews/" + id), owner.token()).json().path("version").asLong();

        HttpApi.Response again = importFile(owner, NaverCsvTest.sample("reviews-cp949.csv"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(counts(again)).containsExactly(0, 0, 4);
        assertThat(api.get(owner.shop("/reviews/" + id), owner.token()).json().path("version").asLong())
                .isEqualTo(version);

        HttpApi.Response edited = importFile(owner, NaverCsvTest.sample("reviews-utf8-edited.csv"));
        assertThat(counts(edited)).containsExactly(0, 1, 3);
        JsonNode review = eventually(() -> api.get(owner.shop("/reviews/" + id), owner.token()).json(),
                r -> r.path("rating").asInt() == 2, "the edit in the inbox");
        assertThat(review.path("comment").asText()).isEqualTo("다시 생각해보니 별로였어요");
        List<JsonNode> history = eventually(() -> history(owner, id),
                h -> h.stream().anyMatch(e -> e.path("action").asText().equals("EDITED_AT_SOURCE")), "the edit");
        JsonNode edit = history.stream().filter(e -> e.path("action").asText().equals("EDITED_AT_SOURCE"))
                .findFirst().orElseThrow();
        assertThat(edit.path("text").asText()).isEqualTo("다시 생각해보니 별로였어요");
        assertThat(edit.path("previousText").asText()).isEqualTo("직원분이 \"최고\"라고 했어요");
    }

    @Test
    void badRowsAreListedByLineWhileTheGoodRowsAreImported() throws Exception {
        Owner owner = quietShop("실수 많은 살롱");

        HttpApi.Response response = importFile(owner, NaverCsvTest.sample("reviews-bad-rows.csv"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(counts(response)).containsExactly(2, 0, 0);
        List<Long> lines = new ArrayList<>();
        response.json().path("errors").forEach(e -> lines.add(e.path("line").asLong()));
        assertThat(lines).containsExactly(3L, 4L, 5L, 7L, 8L, 11L);
        response.json().path("errors").forEach(e -> assertThat(e.path("message").asText()).isNotBlank());
        assertThat(naverReviews(owner, 2)).extracting(r -> r.path("externalId").asText())
                .containsExactlyInAnyOrder("nv-101", "nv-106");
    }

    @Test
    void aDraftIsWrittenForAnImportedReviewLikeForAGoogleOne() throws InterruptedException {
        Owner owner = signUp("초안 살롱");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).toString();
        String csv = "reviewId,author,rating,comment,createdAt\r\nfresh-1,김**,5,오늘 커트 최고였어요,"
                + today.replace('-', '.') + ".\r\n";

        assertThat(counts(importFile(owner, csv.getBytes(StandardCharsets.UTF_8)))).containsExactly(1, 0, 0);

        JsonNode drafted = eventually(() -> naverReviews(owner, 1).get(0),
                r -> r.path("status").asText().equals("DRAFTED"), "the automatic draft", DRAFTING_LIMIT);
        assertThat(drafted.path("reply").path("origin").asText()).isEqualTo("AI");
        assertThat(drafted.path("reply").path("manual").asBoolean()).isTrue();
    }

    @Test
    void moreThanTenThousandRowsAreRefusedWith413AndNothingIsImported() {
        Owner owner = quietShop("큰 살롱");
        StringBuilder csv = new StringBuilder("reviewId,author,rating,comment,createdAt\r\n");
        for (int i = 0; i <= NaverCsv.MAX_ROWS; i++) {
            csv.append("many-").append(i).append(",김**,5,좋아요,2026.11.27.\r\n");
        }

        HttpApi.Response response = importFile(owner, csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(api.get(owner.shop("/reviews?source=NAVER"), owner.token()).json().path("total").asLong()).isZero();
    }

    @Test
    void aFileLargerThanFiveMebibytesIsRefusedWith413() {
        Owner owner = quietShop("무거운 살롱");
        StringBuilder csv = new StringBuilder("reviewId,author,rating,comment,createdAt\r\n");
        String longComment = "가".repeat(3_000); // 9,000 bytes in UTF-8
        for (int i = 0; csv.length() * 3L < 5L * 1024 * 1024 + 100_000; i++) {
            csv.append("big-").append(i).append(",김**,5,").append(longComment).append(",2026.11.27.\r\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(5 * 1024 * 1024);

        HttpApi.Response response = importFile(owner, body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(api.get(owner.shop("/reviews?source=NAVER"), owner.token()).json().path("total").asLong()).isZero();
    }

    /**
     * Many rows go out several at a time; the counts must still be the aggregate's exact answers. (How fast 10,000
     * rows import is a benchmark's business, docs/benchmarks.md; the 10,000-row limit itself is NaverCsvTest's.)
     */
    @Test
    void rowsSentSeveralAtATimeAreCountedExactly() {
        Owner owner = quietShop("바쁜 살롱");
        StringBuilder csv = new StringBuilder("reviewId,author,rating,comment,createdAt\r\n");
        for (int i = 0; i < 300; i++) {
            csv.append("bulk-").append(i).append(",김**,").append(1 + i % 5).append(",\"좋아요, 정말\",2026.11.27.\r\n");
        }
        byte[] first = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] second = csv.toString().replace("bulk-7,김**,3", "bulk-7,김**,1").replace("bulk-8,김**,4", "bulk-8,김**,5")
                .concat("bulk-300,김**,5,새 리뷰,2026.11.28.\r\n").getBytes(StandardCharsets.UTF_8);

        HttpApi.Response once = importFile(owner, first);
        HttpApi.Response twice = importFile(owner, second);

        assertThat(once.status()).as(once.body()).isEqualTo(200);
        assertThat(counts(once)).containsExactly(300, 0, 0);
        assertThat(counts(twice)).containsExactly(1, 2, 298);
        assertThat(twice.json().path("errors").size()).isZero();
    }

    @Test
    void onlyManagersOfTheShopMayImportAndOnlyCsv() throws Exception {
        Owner owner = quietShop("지키는 살롱");
        Owner staff = signUp("staff's own shop");
        Owner manager = signUp("manager's own shop");
        Owner stranger = signUp("남의 살롱");
        ShopFixtures fixtures = new ShopFixtures(accounts, commands);
        fixtures.join(owner, staff, Role.STAFF);
        fixtures.join(owner, manager, Role.MANAGER);
        byte[] file = NaverCsvTest.sample("reviews-utf8.csv");

        HttpApi.Response asStaff = api.sendBytes("POST", owner.shop("/reviews/import"), staff.token(), file, CSV);
        assertThat(asStaff.status()).isEqualTo(403);
        assertThat(asStaff.errorCode()).isEqualTo("FORBIDDEN");
        HttpApi.Response asStranger = api.sendBytes("POST", owner.shop("/reviews/import"), stranger.token(), file, CSV);
        assertThat(asStranger.status()).isEqualTo(403);
        assertThat(asStranger.body()).doesNotContain("nv-001");
        HttpApi.Response anonymous = api.sendBytes("POST", owner.shop("/reviews/import"), null, file, CSV);
        assertThat(anonymous.status()).isEqualTo(401);
        HttpApi.Response json = api.sendBytes("POST", owner.shop("/reviews/import"), owner.token(),
                "{\"reviewId\":\"x\"}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(api.get(owner.shop("/reviews?source=NAVER"), owner.token()).json().path("total").asLong()).isZero();

        HttpApi.Response asManager = api.sendBytes("POST", owner.shop("/reviews/import"), manager.token(), file,
                "text/csv; charset=utf-8");
        assertThat(asManager.status()).as(asManager.body()).isEqualTo(200);
        assertThat(counts(asManager)).containsExactly(4, 0, 0);
    }

    @Test
    void filesThatAreNoReviewExportAreRefusedWithTheReason() {
        Owner owner = quietShop("이상한 파일 살롱");

        HttpApi.Response empty = importFile(owner, new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorCode()).isEqualTo("VALIDATION_FAILED");

        HttpApi.Response noHeader = importFile(owner, "nv-1,김**,5,좋아요,2026.11.27.\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(noHeader.body()).contains("reviewId,author,rating,comment,createdAt");

        HttpApi.Response binary = importFile(owner, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0x80, 0x00});
        assertThat(binary.status()).isEqualTo(400);
        assertThat(binary.errorCode()).isEqualTo("VALIDATION_FAILED");

        String script = "reviewId,author,rating,comment,createdAt\r\n"
                + "xss-1,<script>alert(1)</script>,5,'; DROP TABLE review_view; -- 😊,2026.11.27.\r\n";
        HttpApi.Response stored = importFile(owner, script.getBytes(StandardCharsets.UTF_8));
        assertThat(counts(stored)).containsExactly(1, 0, 0);
        JsonNode review = naverReviews(owner, 1).get(0);
        assertThat(review.path("author").asText()).isEqualTo("<script>alert(1)</script>");
        assertThat(review.path("comment").asText()).isEqualTo("'; DROP TABLE review_view; -- 😊");
    }

    /**
     * A shop with auto-draft off: these tests are about what the import records, and drafts arriving meanwhile would
     * both move the versions they compare and load the shared drafting pipeline for the tests after them.
     */
    private Owner quietShop(String name) {
        Owner owner = signUp(name);
        HttpApi.Response settings = api.put(owner.shop("/reply-settings"), owner.token(), java.util.Map.of("tone",
                "FRIENDLY", "language", "AUTO", "autoDraft", false, "allowOffers", false));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        return owner;
    }

    private HttpApi.Response importFile(Owner owner, byte[] file) {
        return api.sendBytes("POST", owner.shop("/reviews/import"), owner.token(), file, CSV);
    }

    private static List<Integer> counts(HttpApi.Response response) {
        JsonNode body = response.json();
        return List.of(body.path("imported").asInt(-1), body.path("updated").asInt(-1), body.path("unchanged").asInt(-1));
    }

    /** The shop's Naver reviews once the inbox shows {@code count} of them. */
    private List<JsonNode> naverReviews(Owner owner, int count) {
        return eventually(() -> {
            List<JsonNode> items = new ArrayList<>();
            api.get(owner.shop("/reviews?source=NAVER&size=100"), owner.token()).json().path("items").forEach(items::add);
            return items;
        }, items -> items.size() == count, count + " Naver reviews in the inbox");
    }

    private static JsonNode byExternalId(List<JsonNode> reviews, String externalId) {
        return reviews.stream().filter(r -> r.path("externalId").asText().equals(externalId)).findFirst()
                .orElseThrow(() -> new AssertionError("no review " + externalId));
    }

    private List<JsonNode> history(Owner owner, String reviewId) {
        List<JsonNode> entries = new ArrayList<>();
        api.get(owner.shop("/reviews/" + reviewId + "/history"), owner.token()).json().path("items").forEach(entries::add);
        return entries;
    }
}
