package kr.salonmate.api.idempotency;

import static kr.salonmate.api.support.Errors.assertError;
import static kr.salonmate.api.support.Errors.assertInvalid;
import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.Json;
import kr.salonmate.api.support.ShopWithReviewsTest;
import kr.salonmate.api.support.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} on POST: a retry with the same key and body answers the first response and does the
 * work once; another body under the same key is 409; a key over 64 characters is 400; keys are per user.
 */
class IdempotencyKeyTest extends ShopWithReviewsTest {

    private static Owner owner;
    private static Owner manager;
    private static List<String> reviewIds;
    private static List<String> externalIds;

    @BeforeEach
    void shareOneShop() {
        if (owner == null) {
            owner = signUp("살롱 멱등");
            Map<String, String> ids = shopWithDraftedReviews(owner, 4);
            externalIds = new ArrayList<>(ids.keySet());
            reviewIds = new ArrayList<>(ids.values());
            manager = member(owner, "MANAGER");
        }
    }

    private HttpApi.Response post(Owner who, String path, Object body, String key) {
        return api.send("POST", path, who.token(), body, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private long count(String reviewId, String action) {
        return actions(history(owner, reviewId)).stream().filter(action::equals).count();
    }

    @Test
    void aRetriedApprovalAnswersTheFirstResponseAndPublishesOnce() {
        String reviewId = reviewIds.get(0);
        String externalId = externalIds.get(0);
        String path = owner.shop("/reviews/" + reviewId + "/reply/approve");
        String key = "approve-" + UUID.randomUUID();
        String text = "방문해 주셔서 감사합니다! 💇 <b>또 오세요</b>";
        Map<String, Object> body = Map.of("text", text);

        HttpApi.Response first = post(owner, path, body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(first.json().path("reply").path("text").asText()).isEqualTo(text);

        HttpApi.Response retry = post(owner, path, body, key);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Content-Type")).startsWith("application/json");

        eventually(() -> review(owner, reviewId).path("status").asText(), "PUBLISHED"::equals, "publishing");
        // once published, a plain approval is refused, but the retry with the key still answers the first response
        HttpApi.Response later = post(owner, path, body, key);
        assertThat(later.status()).isEqualTo(202);
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(later.json()).isEqualTo(first.json());
        assertError(post(owner, path, body, null), 409, "REPLY_ALREADY_PUBLISHED");

        eventually(() -> count(reviewId, "PUBLISHED"), n -> n == 1, "the publication in the history");
        assertThat(count(reviewId, "APPROVED")).isEqualTo(1);
        assertThat(count(reviewId, "EDITED")).isEqualTo(1);
        assertThat(GOOGLE.replyPuts(externalId)).isEqualTo(1);
        assertThat(GOOGLE.replyOf(externalId)).isEqualTo(text);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndDoesNothing() {
        String reviewId = reviewIds.get(1);
        String path = owner.shop("/reviews/" + reviewId + "/reply/reject");
        String key = "reject-" + UUID.randomUUID();
        HttpApi.Response first = post(owner, path, Map.of("reason", "너무 길어요"), key);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("status").asText()).isEqualTo("REJECTED");
        eventually(() -> count(reviewId, "REJECTED"), n -> n == 1, "the rejection in the history");
        Snapshot before = snapshot(owner, reviewId);

        assertError(post(owner, path, Map.of("reason", "다른 이유"), key), 409, "CONFLICT");
        assertError(post(owner, path, Map.of(), key), 409, "CONFLICT");
        assertError(post(owner, path, null, key), 409, "CONFLICT");
        // the same JSON written differently is a different body, too: the key names exact bytes
        assertError(api.send("POST", path, owner.token(), "{ \"reason\" : \"너무 길어요\" }",
                Map.of("Idempotency-Key", key)), 409, "CONFLICT");
        HttpApi.Response same = post(owner, path, Map.of("reason", "너무 길어요"), key);
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("Idempotent-Replayed")).isEqualTo("true");
        assertUnchanged(owner, reviewId, before);
    }

    @Test
    void aReplayedErrorCarriesTheRequestIdOfTheRetry() {
        String path = owner.shop("/reviews/" + reviewIds.get(2) + "/reply/approve");
        String key = "bad-" + UUID.randomUUID();
        HttpApi.Response first = api.send("POST", path, owner.token(), Map.of("expectedVersion", -1),
                Map.of("Idempotency-Key", key, "X-Request-Id", "first-try"));
        assertInvalid(first, "expectedVersion");
        HttpApi.Response retry = api.send("POST", path, owner.token(), Map.of("expectedVersion", -1),
                Map.of("Idempotency-Key", key, "X-Request-Id", "second-try"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("X-Request-Id")).isEqualTo("second-try");
        assertInvalid(retry, "expectedVersion"); // requestId in the body equals the header
        assertThat(retry.json().path("error").path("message")).isEqualTo(first.json().path("error").path("message"));
        assertThat(retry.json().path("error").path("timestamp")).isEqualTo(first.json().path("error").path("timestamp"));
    }

    @Test
    void keysMustBeOneToSixtyFourCharacters() {
        String reviewId = reviewIds.get(2);
        String path = owner.shop("/reviews/" + reviewId + "/reply/approve");
        Snapshot before = snapshot(owner, reviewId);
        HttpApi.Response tooLong = post(owner, path, Map.of(), "k".repeat(65));
        assertInvalid(tooLong, "Idempotency-Key");
        HttpApi.Response wayTooLong = post(owner, path, Map.of(), "k".repeat(1000));
        assertInvalid(wayTooLong, "Idempotency-Key");
        assertUnchanged(owner, reviewId, before);
        assertThat(review(owner, reviewId).path("status").asText()).isEqualTo("DRAFTED");

        // 64 is allowed; the draft endpoint is idempotent the same way
        String draft = owner.shop("/reviews/" + reviewId + "/reply/draft");
        String key = "d".repeat(64);
        long requests = count(reviewId, "DRAFT_REQUESTED");
        HttpApi.Response first = post(owner, draft, Map.of("instruction", "짧게"), key);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        HttpApi.Response again = post(owner, draft, Map.of("instruction", "짧게"), key);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        eventually(() -> count(reviewId, "DRAFTED"), n -> n >= 2, "the requested draft");
        assertThat(count(reviewId, "DRAFT_REQUESTED")).isEqualTo(requests + 1);
    }

    @Test
    void theSameKeyFromAnotherUserIsIndependent() {
        String reviewId = reviewIds.get(3);
        String path = owner.shop("/reviews/" + reviewId + "/reply/draft");
        String key = "shared-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("instruction", "정중하게");
        long requests = count(reviewId, "DRAFT_REQUESTED");

        HttpApi.Response byOwner = post(owner, path, body, key);
        assertThat(byOwner.status()).as(byOwner.body()).isEqualTo(202);
        HttpApi.Response byManager = post(manager, path, body, key);
        assertThat(byManager.status()).as(byManager.body()).isEqualTo(202);
        assertThat(byManager.header("Idempotent-Replayed")).isNull();
        eventually(() -> count(reviewId, "DRAFT_REQUESTED"), n -> n == requests + 2, "both draft requests");

        // and the manager's own retry is replayed for the manager only
        HttpApi.Response managerRetry = post(manager, path, body, key);
        assertThat(managerRetry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(managerRetry.body()).isEqualTo(byManager.body());
        // the same key on another endpoint is another request, too
        HttpApi.Response elsewhere = post(owner, owner.shop("/reviews/" + reviewId + "/reply/reject"),
                Map.of("reason", "x"), key);
        assertThat(elsewhere.header("Idempotent-Replayed")).isNull();
        assertThat(Json.parse(elsewhere.body()).path("status").asText()).isIn("REJECTED");
        assertThat(count(reviewId, "DRAFT_REQUESTED")).isEqualTo(requests + 2);
    }

    @Test
    void aRetriedPhotoUploadStoresThePhotoOnceAndAnotherPhotoUnderTheSameKeyIsAConflict() {
        String path = owner.shop("/media");
        String key = "upload-" + UUID.randomUUID();
        byte[] photo = TestImages.jpeg(640, 480);
        long before = mediaRows();

        HttpApi.Response first = api.upload(path, owner.token(), "file", "커트.jpg", "image/jpeg", photo,
                Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        // a retry is a new multipart body (another boundary) with the same file: the same answer, no second photo
        HttpApi.Response retry = api.upload(path, owner.token(), "file", "커트.jpg", "image/jpeg", photo,
                Map.of("Idempotency-Key", key));
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(mediaRows()).isEqualTo(before + 1);

        assertError(api.upload(path, owner.token(), "file", "커트.jpg", "image/jpeg", TestImages.jpeg(640, 481),
                Map.of("Idempotency-Key", key)), 409, "CONFLICT");
        assertError(api.upload(path, owner.token(), "file", "다른이름.jpg", "image/jpeg", photo,
                Map.of("Idempotency-Key", key)), 409, "CONFLICT");
        assertThat(mediaRows()).isEqualTo(before + 1);
    }

    private long mediaRows() {
        return jdbc.queryForObject("SELECT count(*) FROM media", Long.class);
    }

    @Test
    void aKeyOnAnUnauthenticatedRequestIsStillUnauthenticated() {
        HttpApi.Response response = api.send("POST", owner.shop("/reviews/sync"), null, null,
                Map.of("Idempotency-Key", "k".repeat(65)));
        assertError(response, 401, "UNAUTHENTICATED");
    }
}
