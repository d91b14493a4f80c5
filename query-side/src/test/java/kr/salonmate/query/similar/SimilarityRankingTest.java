package kr.salonmate.query.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The built-in embedding and the brute-force search on a small Korean/English corpus of salon reviews: a review
 * finds the ones about the same thing first, across particles and endings, spelling and language mix.
 */
class SimilarityRankingTest {

    private static final Map<String, String> CORPUS = new LinkedHashMap<>();

    static {
        CORPUS.put("color-ko", "염색 색감이 정말 예쁘게 나왔어요. 애쉬 브라운 컬러 최고예요");
        CORPUS.put("perm-ko", "펌이 너무 자연스럽게 잘 나왔어요. 디지털펌 추천합니다");
        CORPUS.put("wait-ko", "예약했는데 30분이나 기다렸어요. 대기 시간이 너무 길어요");
        CORPUS.put("price-ko", "가격이 너무 비싸요. 추가 요금을 말도 없이 받았어요");
        CORPUS.put("parking-ko", "주차가 불편해요. 주차장이 좁아서 힘들었어요");
        CORPUS.put("kind-ko", "원장님이 친절하시고 상담을 꼼꼼하게 해주셨어요");
        CORPUS.put("color-en", "Love my new hair color, the balayage came out beautiful");
        CORPUS.put("wait-en", "Had to wait 40 minutes past my appointment time, very long wait");
        CORPUS.put("cut-en", "Great haircut, my stylist listened and the fade is perfect");
        CORPUS.put("parking-en", "Parking is a nightmare, no parking spots near the salon");
    }

    private final BuiltInEmbedder embedder = new BuiltInEmbedder();

    @Test
    void aReviewFindsTheOnesAboutTheSameThingFirst() {
        ShopVectors.Copy shop = shopOf(CORPUS);
        assertThat(best(shop, "염색했는데 색이 너무 예뻐요! 컬러 감사합니다")).isEqualTo("color-ko");
        assertThat(best(shop, "펌 했어요, 자연스러운 컬 너무 좋아요")).isEqualTo("perm-ko");
        assertThat(best(shop, "예약 시간에 갔는데 한참 기다렸어요")).isEqualTo("wait-ko");
        assertThat(best(shop, "주차할 곳이 없어요")).isEqualTo("parking-ko");
        assertThat(best(shop, "요금이 비싸고 추가 비용을 받네요")).isEqualTo("price-ko");
        assertThat(best(shop, "The colour is gorgeous, love the balayage")).isEqualTo("color-en");
        assertThat(best(shop, "We waited a long time after our appointment")).isEqualTo("wait-en");
        assertThat(best(shop, "no parking anywhere near")).isEqualTo("parking-en");
        assertThat(best(shop, "Best haircut ever, the stylist nailed the fade")).isEqualTo("cut-en");
    }

    @Test
    void scoresAreCosinesBetweenZeroAndOneBestFirstAndAReviewIsNotItsOwnNeighbour() {
        ShopVectors.Copy shop = shopOf(CORPUS);
        UUID self = id("color-ko");
        List<ShopVectors.Hit> hits = shop.nearest(embedder.embed(CORPUS.get("color-ko")), 5,
                row -> !idAt(shop, row).equals(self), 0);
        assertThat(hits).hasSize(5).noneMatch(hit -> hit.reviewId().equals(self));
        assertThat(hits).extracting(ShopVectors.Hit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allSatisfy(score -> assertThat(score).isBetween(0.0, 1.0));
        List<ShopVectors.Hit> itself = shop.nearest(embedder.embed(CORPUS.get("color-ko")), 1, row -> true, 0);
        assertThat(itself.get(0).reviewId()).isEqualTo(self);
        assertThat(itself.get(0).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(embedder.embed("   ")).isNull();
    }

    @Test
    void onlyEligibleRowsAndScoresAboveTheMinimumAreReturned() {
        ShopVectors.Copy shop = new ShopVectors.Copy();
        long revision = 0;
        for (Map.Entry<String, String> review : CORPUS.entrySet()) {
            boolean published = review.getKey().endsWith("-ko");
            shop.put(new SimilarityStore.Entry(id(review.getKey()), embedder.model(), embedder.embed(review.getValue()),
                    published, published, ++revision), embedder.model());
        }
        shop.put(new SimilarityStore.Entry(UUID.randomUUID(), "another-model", new float[] {1f, 0f}, true, true,
                ++revision), embedder.model());
        List<ShopVectors.Hit> hits = shop.nearest(embedder.embed("염색 컬러가 예뻐요, love the color"), 10,
                row -> shop.isPublished(row), 0.05);
        assertThat(hits).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.score()).isGreaterThan(0.05);
            assertThat(hit.human()).isTrue();
            assertThat(CORPUS.keySet().stream().filter(k -> k.endsWith("-ko")).map(SimilarityRankingTest::id))
                    .contains(hit.reviewId());
        });
    }

    private ShopVectors.Copy shopOf(Map<String, String> corpus) {
        ShopVectors.Copy shop = new ShopVectors.Copy();
        long revision = 0;
        for (Map.Entry<String, String> review : corpus.entrySet()) {
            shop.put(new SimilarityStore.Entry(id(review.getKey()), embedder.model(), embedder.embed(review.getValue()),
                    true, false, ++revision), embedder.model());
        }
        return shop;
    }

    private String best(ShopVectors.Copy shop, String text) {
        UUID best = shop.nearest(embedder.embed(text), 1, row -> true, 0).get(0).reviewId();
        return CORPUS.keySet().stream().filter(key -> id(key).equals(best)).findFirst().orElseThrow();
    }

    private static UUID idAt(ShopVectors.Copy shop, int row) {
        return shop.idAt(row);
    }

    private static UUID id(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
