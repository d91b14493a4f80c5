package kr.salonmate.api.badinput;

import static kr.salonmate.api.support.Errors.assertError;
import static kr.salonmate.api.support.Errors.assertInvalid;
import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.ShopWithReviewsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The bad-input catalogue on the review and shop endpoints: each bad request gets 400/404/415 with the
 * envelope naming the field, and the review it aimed at is left exactly as it was (same events, version,
 * reply and history; nothing sent to Google).
 */
class ReviewBadInputTest extends ShopWithReviewsTest {

    private static Owner owner;
    private static String reviewId;
    private static String externalId;
    private static String editReviewId;

    @BeforeEach
    void shareOneShop() {
        if (owner == null) {
            owner = signUp("살롱 입력검사");
            Map<String, String> ids = shopWithDraftedReviews(owner, 2);
            List<String> external = new ArrayList<>(ids.keySet());
            externalId = external.get(0);
            reviewId = ids.get(externalId);
            editReviewId = ids.get(external.get(1));
        }
    }

    private String path(String suffix) {
        return owner.shop("/reviews/" + reviewId + suffix);
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void badEditsAreRefusedAndChangeNothing() {
        Snapshot before = snapshot(owner, reviewId);
        long version = before.review().path("version").asLong();
        String put = path("/reply");

        assertError(api.send("PUT", put, owner.token(), "{\"text\": \"안녕", Map.of()), 400, "MALFORMED_REQUEST");
        assertError(api.send("PUT", put, owner.token(), "", Map.of()), 400, "MALFORMED_REQUEST");
        assertInvalid(api.put(put, owner.token(), body()), "text");
        assertInvalid(api.put(put, owner.token(), body("text", "")), "text");
        assertInvalid(api.put(put, owner.token(), body("text", "   \n\t ")), "text");
        assertInvalid(api.put(put, owner.token(), body("text", "\u3000\u3000")), "text"); // ideographic spaces
        assertInvalid(api.put(put, owner.token(), body("text", "가".repeat(4097))), "text");
        assertInvalid(api.put(put, owner.token(), body("text", "x".repeat(10_000))), "text");
        assertInvalid(api.put(put, owner.token(), body("text", 42)), "text");
        assertInvalid(api.put(put, owner.token(), body("text", List.of("a"))), "text");
        assertInvalid(api.put(put, owner.token(), body("text", "좋아요", "expectedVersion", -1)), "expectedVersion");
        assertInvalid(api.put(put, owner.token(), body("text", "좋아요", "expectedVersion", "abc")), "expectedVersion");
        assertInvalid(api.put(put, owner.token(), body("text", "좋아요", "expectedVersion", String.valueOf(version))),
                "expectedVersion");
        assertInvalid(api.put(put, owner.token(), body("text", "좋아요", "expectedVersion", 1.5)), "expectedVersion");
        assertInvalid(api.put(put, owner.token(), body("text", "좋아요", "expectedVersion", true)), "expectedVersion");
        assertInvalid(api.put(put, owner.token(), body("text", "좋아요", "origin", "HUMAN")), "origin");
        assertInvalid(api.send("PUT", put, owner.token(),
                "{\"text\":\"좋아요\",\"expectedVersion\":99999999999999999999999}", Map.of()), "expectedVersion");
        assertError(api.send("PUT", put, owner.token(), "{\"text\":\"좋아요\"}", Map.of("Content-Type", "text/plain")),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(api.send("PUT", put, owner.token(), "text=좋아요",
                Map.of("Content-Type", "application/x-www-form-urlencoded")), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(api.put(put, owner.token(), body("text", "x".repeat(1_100_000))), 413, "PAYLOAD_TOO_LARGE");

        HttpApi.Response stale = api.put(put, owner.token(), body("text", "오래된 화면", "expectedVersion", version - 1));
        assertError(stale, 409, "VERSION_MISMATCH");
        HttpApi.Response future = api.put(put, owner.token(), body("text", "미래의 화면", "expectedVersion", version + 5));
        assertError(future, 409, "VERSION_MISMATCH");

        assertUnchanged(owner, reviewId, before);
    }

    @Test
    void badApprovalsAreRefusedAndNothingIsPublished() {
        Snapshot before = snapshot(owner, reviewId);
        long version = before.review().path("version").asLong();
        int puts = GOOGLE.replyPuts(externalId);
        String approve = path("/reply/approve");

        assertError(api.send("POST", approve, owner.token(), "{\"text\":", Map.of()), 400, "MALFORMED_REQUEST");
        assertInvalid(api.post(approve, owner.token(), body("text", "")), "text");
        assertInvalid(api.post(approve, owner.token(), body("text", "   ")), "text");
        assertInvalid(api.post(approve, owner.token(), body("text", "\u3000")), "text");
        assertInvalid(api.post(approve, owner.token(), body("text", "x".repeat(4097))), "text");
        assertInvalid(api.post(approve, owner.token(), body("text", "x".repeat(10_000))), "text");
        assertInvalid(api.post(approve, owner.token(), body("text", 5)), "text");
        assertInvalid(api.post(approve, owner.token(), body("expectedVersion", -1)), "expectedVersion");
        assertInvalid(api.post(approve, owner.token(), body("expectedVersion", "x")), "expectedVersion");
        assertInvalid(api.post(approve, owner.token(), body("publishAt", "now")), "publishAt");
        assertError(api.send("POST", approve, owner.token(), "{}", Map.of("Content-Type", "text/plain")), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertError(api.post(approve, owner.token(), body("expectedVersion", version - 1)), 409, "VERSION_MISMATCH");

        // the other POSTs of a review
        assertInvalid(api.post(path("/reply/draft"), owner.token(), body("instruction", "x".repeat(501))),
                "instruction");
        assertInvalid(api.post(path("/reply/draft"), owner.token(), body("instruction", 3)), "instruction");
        assertInvalid(api.post(path("/reply/draft"), owner.token(), body("tone", "FRIENDLY")), "tone");
        assertInvalid(api.post(path("/reply/reject"), owner.token(), body("reason", "x".repeat(501))), "reason");
        assertInvalid(api.post(path("/reply/reject"), owner.token(), body("reason", false)), "reason");
        assertError(api.send("POST", path("/reply/reject"), owner.token(), "{\"reason\"", Map.of()), 400,
                "MALFORMED_REQUEST");
        // retrying is only for a failed publication
        assertError(api.post(path("/reply/retry"), owner.token(), null), 409, "CONFLICT");

        assertUnchanged(owner, reviewId, before);
        assertThat(GOOGLE.replyPuts(externalId)).isEqualTo(puts);
    }

    @Test
    void koreanEmojiSqlAndScriptRepliesAreStoredAndEchoedVerbatim() {
        String text = "<script>alert('xss')</script> 감사합니다 💇‍♀️✨ '; DROP TABLE review_view;-- \"quoted\" & <b>bold</b>";
        String put = owner.shop("/reviews/" + editReviewId + "/reply");
        HttpApi.Response edited = api.put(put, owner.token(), body("text", text));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("reply").path("text").asText()).isEqualTo(text);
        assertThat(edited.json().path("reply").path("origin").asText()).isEqualTo("HUMAN");
        assertThat(review(owner, editReviewId).path("reply").path("text").asText()).isEqualTo(text);
        List<JsonNode> history = eventually(() -> history(owner, editReviewId),
                h -> h.get(h.size() - 1).path("action").asText().equals("EDITED"), "the edit in the history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("action").asText()).isEqualTo("EDITED");
        assertThat(last.path("text").asText()).isEqualTo(text);

        String longest = "가".repeat(4096); // exactly the limit
        HttpApi.Response atLimit = api.put(put, owner.token(), body("text", longest));
        assertThat(atLimit.status()).as(atLimit.body()).isEqualTo(200);
        assertThat(atLimit.json().path("reply").path("text").asText()).isEqualTo(longest);
    }

    @Test
    void badQueryParametersNameTheParameter() {
        String list = owner.shop("/reviews");
        assertInvalid(api.get(list + "?size=0", owner.token()), "size");
        assertInvalid(api.get(list + "?size=101", owner.token()), "size");
        assertInvalid(api.get(list + "?size=abc", owner.token()), "size");
        assertInvalid(api.get(list + "?size=-5", owner.token()), "size");
        assertInvalid(api.get(list + "?size=99999999999", owner.token()), "size");
        assertInvalid(api.get(list + "?page=-1", owner.token()), "page");
        assertInvalid(api.get(list + "?page=abc", owner.token()), "page");
        assertInvalid(api.get(list + "?rating=9", owner.token()), "rating");
        assertInvalid(api.get(list + "?rating=0", owner.token()), "rating");
        assertInvalid(api.get(list + "?rating=five", owner.token()), "rating");
        assertInvalid(api.get(list + "?status=NOPE", owner.token()), "status");
        assertInvalid(api.get(list + "?status=drafted", owner.token()), "status");
        assertInvalid(api.get(list + "?source=FACEBOOK", owner.token()), "source");
        assertInvalid(api.get(list + "?q=" + "x".repeat(201), owner.token()), "q");
        assertInvalid(api.get(list + "?q=%00", owner.token()), "q");

        // the limits themselves are fine
        HttpApi.Response ok = api.get(list + "?size=100&page=0&rating=5&status=DRAFTED&source=GOOGLE&q=%27%3B--",
                owner.token());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("size").asInt()).isEqualTo(100);
        HttpApi.Response one = api.get(list + "?size=1", owner.token());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("items").size()).isEqualTo(1);
        assertThat(one.json().path("total").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void searchTextIsDataNotSqlNorAPattern() {
        String list = owner.shop("/reviews?q=");
        assertThat(api.get(list + "%EA%B3%A0%EA%B0%9D%200", owner.token()).json().path("total").asLong())
                .as("'고객 0' finds one author").isEqualTo(1);
        assertThat(api.get(list + "%F0%9F%98%8A", owner.token()).json().path("total").asLong())
                .as("an emoji finds both comments").isEqualTo(2);
        for (String q : new String[]{"%25", "_", "%27%20OR%20%271%27%3D%271", "%27%3B%20DROP%20TABLE%20review_view%3B--",
                "%3Cscript%3E"}) {
            HttpApi.Response response = api.get(list + q, owner.token());
            assertThat(response.status()).as(q).isEqualTo(200);
            assertThat(response.json().path("total").asLong()).as("matches for %s", q).isZero();
            assertThat(response.json().path("items").size()).isZero();
        }
        assertThat(api.get(owner.shop("/reviews"), owner.token()).json().path("total").asLong()).isEqualTo(2);
    }

    @Test
    void unknownAndMalformedIds() {
        String unknown = UUID.randomUUID().toString();
        String base = owner.shop("/reviews/" + unknown);
        for (HttpApi.Response response : List.of(
                api.get(base, owner.token()),
                api.get(base + "/history", owner.token()),
                api.put(base + "/reply", owner.token(), body("text", "없는 리뷰")),
                api.post(base + "/reply/approve", owner.token(), body()),
                api.post(base + "/reply/draft", owner.token(), body()),
                api.post(base + "/reply/reject", owner.token(), body()),
                api.post(base + "/reply/retry", owner.token(), null))) {
            JsonNode error = assertError(response, 404, "REVIEW_NOT_FOUND");
            assertThat(error.path("details").path("reviewId").asText()).isEqualTo(unknown);
        }
        for (String bad : new String[]{"not-a-uuid", "1", "%27%20OR%201%3D1%20--", "%3Cscript%3E"}) {
            assertInvalid(api.get(owner.shop("/reviews/" + bad), owner.token()), "reviewId");
            assertInvalid(api.put(owner.shop("/reviews/" + bad + "/reply"), owner.token(), body("text", "x")),
                    "reviewId");
            assertInvalid(api.post(owner.shop("/reviews/" + bad + "/reply/approve"), owner.token(), body()),
                    "reviewId");
            assertInvalid(api.get("/v1/shops/" + bad + "/reviews", owner.token()), "shopId");
            assertInvalid(api.get("/v1/shops/" + bad, owner.token()), "shopId");
            assertInvalid(api.put("/v1/shops/" + bad + "/reply-settings", owner.token(), validSettings()), "shopId");
        }
        // a shop that does not exist looks like someone else's shop: 403, nothing to learn
        String nowhere = "/v1/shops/" + UUID.randomUUID();
        assertError(api.get(nowhere, owner.token()), 403, "FORBIDDEN");
        assertError(api.get(nowhere + "/reviews/" + reviewId, owner.token()), 403, "FORBIDDEN");
        // an unknown path and a wrong method get the envelope too
        assertError(api.get("/v1/nothing-here", owner.token()), 404, "NOT_FOUND");
        assertError(api.send("DELETE", path(""), owner.token(), null, Map.of()), 405, "METHOD_NOT_ALLOWED");
    }

    private static Map<String, Object> validSettings() {
        return body("tone", "FRIENDLY", "language", "ko", "signature", "- 살롱 입력검사 💇", "autoDraft", true,
                "autoPublishMinRating", null, "allowOffers", false);
    }

    @Test
    void badReplySettingsAreRefusedAndChangeNothing() {
        String settings = owner.shop("/reply-settings");
        String signature = "<script>alert(1)</script> - 살롱 ✂️ '; DROP TABLE shop_view;--";
        Map<String, Object> valid = validSettings();
        valid.put("signature", signature);
        valid.put("autoPublishMinRating", 5);
        HttpApi.Response saved = api.put(settings, owner.token(), valid);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode expected = saved.json().path("replySettings");
        assertThat(expected.path("signature").asText()).isEqualTo(signature);
        assertThat(expected.path("tone").asText()).isEqualTo("FRIENDLY");
        assertThat(expected.path("autoPublishMinRating").asInt()).isEqualTo(5);

        List<Map<String, Object>> bad = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (Object[] spoil : new Object[][]{
                {"tone", "CHEERFUL"}, {"tone", ""}, {"tone", "friendly"}, {"tone", 1}, {"tone", null},
                {"language", "fr"}, {"language", ""}, {"language", 7}, {"language", null},
                {"signature", "x".repeat(201)}, {"signature", "x".repeat(10_000)}, {"signature", false},
                {"autoDraft", "yes"}, {"autoDraft", 1}, {"autoDraft", null},
                {"autoPublishMinRating", 0}, {"autoPublishMinRating", 6}, {"autoPublishMinRating", -1},
                {"autoPublishMinRating", "5"}, {"autoPublishMinRating", 4.5},
                {"allowOffers", "false"}, {"allowOffers", 0},
                {"autoApprove", true}}) {
            Map<String, Object> body = validSettings();
            body.put((String) spoil[0], spoil[1]);
            bad.add(body);
            fields.add((String) spoil[0]);
        }
        for (int i = 0; i < bad.size(); i++) {
            assertInvalid(api.put(settings, owner.token(), bad.get(i)), fields.get(i));
        }
        Map<String, Object> missing = validSettings();
        missing.remove("tone");
        missing.remove("autoDraft");
        assertInvalid(api.put(settings, owner.token(), missing), "tone", "autoDraft");
        assertError(api.send("PUT", settings, owner.token(), "{\"tone\":", Map.of()), 400, "MALFORMED_REQUEST");
        assertError(api.send("PUT", settings, owner.token(), "{\"tone\":\"FORMAL\"}", Map.of("Content-Type", "text/plain")),
                415, "UNSUPPORTED_MEDIA_TYPE");

        HttpApi.Response shop = api.get(owner.shop(""), owner.token());
        assertThat(shop.json().path("replySettings")).isEqualTo(expected);
    }

    @Test
    void badGoogleConnectionsAreRefused() {
        String connect = owner.shop("/connections/google");
        int exchanges = GOOGLE.tokenExchanges();
        Map<String, Object> valid = body("accountId", "acc-1", "locationId", owner.shopId(),
                "refreshToken", "1//valid-refresh-token");
        for (Object[] spoil : new Object[][]{
                {"accountId", "accounts/acc-1"}, {"accountId", ""}, {"accountId", "x".repeat(65)}, {"accountId", 1},
                {"locationId", "loc 1"}, {"locationId", null}, {"locationId", "'; DROP TABLE shop_view;--"},
                {"refreshToken", ""}, {"refreshToken", "x".repeat(10_000)}, {"refreshToken", 12},
                {"extra", "x"}}) {
            Map<String, Object> body = new LinkedHashMap<>(valid);
            body.put((String) spoil[0], spoil[1]);
            HttpApi.Response response = api.put(connect, owner.token(), body);
            assertInvalid(response, (String) spoil[0]);
            assertThat(response.body()).doesNotContain("1//valid-refresh-token");
        }
        assertThat(GOOGLE.tokenExchanges()).as("bad input never reaches Google").isEqualTo(exchanges);
        // a token Google refuses is a validation failure naming it, and is not echoed
        Map<String, Object> rejected = new LinkedHashMap<>(valid);
        rejected.put("refreshToken", "1//revoked-token");
        HttpApi.Response refused = api.put(connect, owner.token(), rejected);
        assertInvalid(refused, "refreshToken");
        assertThat(refused.body()).doesNotContain("1//revoked-token");
        assertThat(api.get(owner.shop(""), owner.token()).json().path("connections").path("google")
                .path("locationId").asText()).isEqualTo(owner.shopId());
    }
}
