package kr.salonmate.api.review;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.api.support.ShopFixtures;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET …/reviews/{id}/similar} with the built-in embedding, and drafts in the shop's own voice: the built-in
 * drafter continues in the words of the shop's published reply to the most similar review, and the DRAFTED entry
 * of the history names that review. Reviews are Naver ones (replies posted by hand), so nothing goes outside.
 */
class SimilarReviewsTest extends IntegrationTest {

    private static final String COLOR = "염색 색감이 정말 예쁘게 나왔어요. 애쉬 브라운 컬러 최고예요";
    private static final String PERM = "펌이 너무 자연스럽게 잘 나왔어요. 디지털펌 추천합니다";
    private static final String PARKING = "주차가 불편해요. 주차장이 좁아서 힘들었어요";
    private static final String COLOR_REPLY = "고객님, 소중한 후기 감사합니다! 저희 살롱의 애쉬 컬러를 좋아해 주셔서 정말 기뻐요."
            + " 다음 방문 때도 원하시는 색으로 예쁘게 해드릴게요. 원장 지수 드림";

    @Autowired
    private AccountStore accounts;
    @Autowired
    private CommandGateway commands;

    @Test
    void theMostSimilarReviewsWithAPublishedReplyComeFirst() {
        Owner owner = quietShop("비슷한 리뷰 살롱");
        ReviewId color = published(owner, COLOR, 5, COLOR_REPLY);
        ReviewId perm = published(owner, PERM, 5, "자연스러운 컬 좋아해 주셔서 감사해요!");
        ReviewId parking = published(owner, PARKING, 2, "주차 때문에 불편을 드려 죄송합니다.");
        ReviewId unanswered = review(owner, "염색 컬러 너무 예뻐요, 색감 최고", 5);
        ReviewId asked = review(owner, "염색했는데 색이 너무 예뻐요! 애쉬 컬러 감사합니다", 5);

        JsonNode similar = eventually(() -> api.get(owner.shop("/reviews/" + asked + "/similar"), owner.token()).json(),
                page -> page.path("items").size() == 3, "the three published reviews");
        List<String> ids = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        similar.path("items").forEach(item -> {
            ids.add(item.path("review").path("id").asText());
            scores.add(item.path("score").asDouble());
            assertThat(item.path("review").path("status").asText()).isEqualTo("PUBLISHED");
            assertThat(item.path("review").path("reply").path("text").asText()).isNotBlank();
        });
        assertThat(ids.get(0)).isEqualTo(color.toString());
        assertThat(ids).containsExactlyInAnyOrder(color.toString(), perm.toString(), parking.toString())
                .doesNotContain(unanswered.toString(), asked.toString());
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allSatisfy(score -> assertThat(score).isBetween(0.0, 1.0));
        assertThat(scores.get(0)).isGreaterThan(scores.get(2));

        JsonNode one = api.get(owner.shop("/reviews/" + asked + "/similar?limit=1"), owner.token()).json();
        assertThat(one.path("items")).hasSize(1);
        assertThat(one.path("items").get(0).path("review").path("id").asText()).isEqualTo(color.toString());
        JsonNode ofColor = api.get(owner.shop("/reviews/" + color + "/similar"), owner.token()).json();
        assertThat(ofColor.path("items")).extracting(item -> item.path("review").path("id").asText())
                .doesNotContain(color.toString());
    }

    @Test
    void badLimitsUnknownReviewsAndOtherShopsGetTheDocumentedErrors() {
        Owner owner = quietShop("similar 오류 살롱");
        Owner staff = signUp("staff's own shop");
        Owner stranger = signUp("another shop");
        new ShopFixtures(accounts, commands).join(owner, staff, Role.STAFF);
        ReviewId review = review(owner, "좋아요", 5);
        String similar = owner.shop("/reviews/" + review + "/similar");

        for (String bad : List.of("0", "21", "-1", "abc", "1.5")) {
            HttpApi.Response answer = api.get(similar + "?limit=" + bad, owner.token());
            assertThat(answer.status()).as("limit=%s", bad).isEqualTo(400);
            assertThat(answer.errorCode()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api.get(similar + "?limit=20", staff.token()).status()).as("any member").isEqualTo(200);
        assertThat(api.get(similar, stranger.token()).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(api.get(stranger.shop("/reviews/" + review + "/similar"), stranger.token()).errorCode())
                .isEqualTo("REVIEW_NOT_FOUND");
        assertThat(api.get(owner.shop("/reviews/" + UUID.randomUUID() + "/similar"), owner.token()).errorCode())
                .isEqualTo("REVIEW_NOT_FOUND");
    }

    @Test
    void theBuiltInDrafterWritesInTheShopsOwnVoiceAndTheHistoryNamesTheExample() {
        Owner owner = quietShop("목소리 살롱");
        ReviewId example = published(owner, COLOR, 5, COLOR_REPLY);
        published(owner, PARKING, 2, "주차 때문에 불편을 드려 정말 죄송합니다. 근처 공영주차장을 안내해 드릴게요.");
        ReviewId asked = review(owner, "애쉬 브라운 염색 색감이 예뻐요! 컬러 너무 마음에 들어요", 5);
        ReviewId unrelated = review(owner, "Quick and friendly trim, thanks", 5);
        eventually(() -> api.get(owner.shop("/reviews/" + asked + "/similar"), owner.token()).json(),
                page -> page.path("items").size() == 2, "both published reviews in the similarity model");

        JsonNode drafted = draft(owner, asked);
        assertThat(drafted.path("reply").path("text").asText())
                .contains("저희 살롱의 애쉬 컬러를 좋아해 주셔서 정말 기뻐요.", "원장 지수 드림")
                .doesNotContain("주차");
        JsonNode entry = draftedEntry(owner, asked);
        assertThat(entry.path("detail").asText()).contains("examples: " + example);

        JsonNode plain = draft(owner, unrelated);
        assertThat(plain.path("reply").path("text").asText()).doesNotContain("원장 지수");
        assertThat(draftedEntry(owner, unrelated).path("detail").asText()).doesNotContain("examples");
    }

    private JsonNode draft(Owner owner, ReviewId review) {
        HttpApi.Response requested = api.post(owner.shop("/reviews/" + review + "/reply/draft"), owner.token(), null);
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        return eventually(() -> api.get(owner.shop("/reviews/" + review), owner.token()).json(),
                r -> r.path("status").asText().equals("DRAFTED"), "the draft");
    }

    private JsonNode draftedEntry(Owner owner, ReviewId review) {
        return eventually(() -> {
            for (JsonNode entry : api.get(owner.shop("/reviews/" + review + "/history"), owner.token()).json()
                    .path("items")) {
                if (entry.path("action").asText().equals("DRAFTED")) {
                    return entry;
                }
            }
            return null;
        }, entry -> entry != null, "the DRAFTED entry");
    }

    /** A shop that drafts only when asked, so that each test decides when a draft is written. */
    private Owner quietShop(String name) {
        Owner owner = signUp(name);
        HttpApi.Response settings = api.put(owner.shop("/reply-settings"), owner.token(), Map.of("tone", "POLITE",
                "language", "AUTO", "autoDraft", false, "allowOffers", false));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        return owner;
    }

    private ReviewId review(Owner owner, String comment, int rating) {
        ShopId shop = ShopId.of(owner.shopId());
        String externalId = "similar-" + UUID.randomUUID();
        ReviewId id = ReviewId.derive(shop, ReviewSource.NAVER, externalId);
        Instant created = Instant.now();
        commands.sendAndWait(new SyncReview(id, shop, ReviewSource.NAVER, externalId, "손님", rating, comment, "ko",
                created, created, null));
        eventually(() -> api.get(owner.shop("/reviews/" + id), owner.token()).status(), s -> s == 200, "the review");
        return id;
    }

    /** A review whose reply a person wrote, approved and posted to Naver by hand. */
    private ReviewId published(Owner owner, String comment, int rating, String reply) {
        ReviewId id = review(owner, comment, rating);
        HttpApi.Response approved = api.post(owner.shop("/reviews/" + id + "/reply/approve"), owner.token(),
                Map.of("text", reply));
        assertThat(approved.status()).as(approved.body()).isEqualTo(202);
        HttpApi.Response posted = api.post(owner.shop("/reviews/" + id + "/reply/posted"), owner.token(), null);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        return id;
    }
}
