package kr.salonmate.api.benchmark;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReplyTone;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.saga.ai.BuiltInReplyDrafter;
import kr.salonmate.saga.ai.DraftRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * How much closer drafts come to what the owner publishes when they are written from the shop's own voice. A corpus
 * of reviews (Korean, four topics, pleased and unhappy) arrives one by one in a shop whose owner writes in a style
 * of their own; each is drafted by the application (the built-in drafter, with the examples the similarity read
 * model finds), and the owner publishes the draft unchanged when it is already close to what they would write
 * (character-level similarity ≥ {@value #ACCEPT}), else their own text. The anchor, in the same run: the same
 * drafter, same request, without examples. Reported: the mean similarity of draft and published text with and
 * without examples, and the analytics' {@code aiAcceptedUnchanged} share (for the anchor: what the same owner's
 * rule would have given). Not part of the default run (docs/benchmarks.md, "Drafts in the shop's own voice"):
 * {@code ./mvnw -o -q -ntp -pl api -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=VoiceBenchmark
 * -Dbenchmark.excluded=none test}.
 */
@Tag("benchmark")
class VoiceBenchmark extends IntegrationTest {

    private static final int REVIEWS = Integer.getInteger("benchmark.reviews", 80);
    private static final double ACCEPT = 0.8;
    private static final String[] NAMES = {"김민지", "이서연", "박지우", "최하은", "정수아", "강예린", "윤지민", "한소율"};
    private static final String[][] TOPICS = {
        // topic words in reviews; the owner's sentence when pleased; the owner's sentence when unhappy
        {"염색 색감 컬러 애쉬 브라운 톤", "원하시던 톤으로 컬러가 예쁘게 나와서 저희도 정말 뿌듯했어요.",
            "컬러가 기대와 다르게 나와 속상하셨을 것 같아요."},
        {"펌 컬 디지털펌 볼륨 웨이브", "자연스러운 컬이 잘 어울리셔서 저희도 기분이 좋았어요.",
            "펌이 금방 풀려 많이 실망하셨을 것 같아요."},
        {"커트 앞머리 단발 레이어드 기장", "얼굴형에 맞춘 커트가 잘 어울리셔서 다행이에요.",
            "커트 길이가 말씀하신 것과 달라 죄송한 마음이 커요."},
        {"클리닉 두피 머릿결 손상 케어", "머릿결이 좋아지셨다니 케어한 보람이 있어요.",
            "클리닉 후에도 머릿결이 그대로라 아쉬우셨을 것 같아요."},
    };

    @Autowired
    private CommandGateway commands;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void draftsFromTheShopsOwnVoiceComeCloserToWhatTheOwnerPublishes() {
        Owner owner = signUp("목소리 벤치마크");
        assertThat(api.put(owner.shop("/reply-settings"), owner.token(), Map.of("tone", "POLITE", "language", "AUTO",
                "autoDraft", false, "allowOffers", false)).status()).isEqualTo(200);
        ReplySettings settings = new ReplySettings(ReplyTone.POLITE, "AUTO", null, false, null, false);
        BuiltInReplyDrafter plain = new BuiltInReplyDrafter();
        ShopId shop = ShopId.of(owner.shopId());
        Random random = new Random(7);
        List<Double> withExamples = new ArrayList<>();
        List<Double> withoutExamples = new ArrayList<>();
        int acceptedWithout = 0;
        int usedExamples = 0;
        int published = 0;
        long started = System.nanoTime();
        for (int i = 0; i < REVIEWS; i++) {
            String[] topic = TOPICS[random.nextInt(TOPICS.length)];
            boolean pleased = random.nextInt(4) != 0;
            int rating = pleased ? 4 + random.nextInt(2) : 1 + random.nextInt(2);
            String name = NAMES[random.nextInt(NAMES.length)];
            String comment = review(topic[0], pleased, random);
            String own = pleased
                    ? name + "님, 소중한 후기 감사해요! " + topic[1] + " 다음 방문 때도 정성껏 모실게요 :) 원장 지수 드림"
                    : name + "님, 불편을 드려 정말 죄송해요. " + topic[2] + " 매장으로 연락 주시면 꼭 다시 봐드릴게요. 원장 지수 드림";

            String externalId = "voice-" + UUID.randomUUID();
            ReviewId id = ReviewId.derive(shop, ReviewSource.NAVER, externalId);
            commands.sendAndWait(new SyncReview(id, shop, ReviewSource.NAVER, externalId, name, rating, comment, "ko",
                    Instant.now(), Instant.now(), null));
            int expected = published;
            eventually(() -> jdbc.queryForObject("SELECT count(*) FROM review_similarity WHERE shop_id = ?"
                    + " AND reply_published", Integer.class, UUID.fromString(owner.shopId())),
                    n -> n == expected, "the similarity model to know every published reply");
            String path = owner.shop("/reviews/" + id);
            eventually(() -> api.get(path, owner.token()).status(), status -> status == 200, "the review");
            assertThat(api.post(path + "/reply/draft", owner.token(), null).status()).isEqualTo(202);
            String draft = eventually(() -> api.get(path, owner.token()).json(),
                    r -> r.path("status").asText().equals("DRAFTED"), "the draft").path("reply").path("text").asText();
            String anchor = plain.draft(new DraftRequest(id, "목소리 벤치마크", settings, name, rating, comment, "ko", null))
                    .text();
            if (!draft.equals(anchor)) {
                usedExamples++;
            }
            double with = similarity(draft, own);
            double without = similarity(anchor, own);
            withExamples.add(with);
            withoutExamples.add(without);
            if (without >= ACCEPT) {
                acceptedWithout++;
            }
            HttpApi.Response approved = api.post(path + "/reply/approve", owner.token(),
                    with >= ACCEPT ? Map.of() : Map.of("text", own));
            assertThat(approved.status()).as(approved.body()).isEqualTo(202);
            assertThat(api.post(path + "/reply/posted", owner.token(), null).status()).isEqualTo(200);
            published++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        JsonNode analytics = eventually(() -> api.get(owner.shop("/analytics"), owner.token()).json(), view -> {
            long counted = 0;
            for (JsonNode bucket : view.path("buckets")) {
                counted += bucket.path("aiAcceptedUnchanged").asLong() + bucket.path("aiEdited").asLong();
            }
            return counted == REVIEWS;
        }, "every reply in analytics");
        long unchanged = 0;
        for (JsonNode bucket : analytics.path("buckets")) {
            unchanged += bucket.path("aiAcceptedUnchanged").asLong();
        }

        System.out.printf("[benchmark] shop's own voice: %d reviews in %.1f s; %d drafts written with examples%n",
                REVIEWS, seconds, usedExamples);
        System.out.printf("[benchmark] anchor: drafts without examples   mean similarity to the published text %.3f,"
                + " accepted unchanged (owner's rule) %.1f %%%n", mean(withoutExamples),
                100.0 * acceptedWithout / REVIEWS);
        System.out.printf("[benchmark] drafts from the shop's own voice mean similarity to the published text %.3f,"
                + " aiAcceptedUnchanged (analytics) %.1f %%%n", mean(withExamples), 100.0 * unchanged / REVIEWS);
        System.out.printf("[benchmark] similarity ratio %.2f; over the second half of the corpus %.3f vs %.3f%n",
                mean(withExamples) / mean(withoutExamples),
                mean(withExamples.subList(REVIEWS / 2, REVIEWS)), mean(withoutExamples.subList(REVIEWS / 2, REVIEWS)));
    }

    private static String review(String topicWords, boolean pleased, Random random) {
        String[] words = topicWords.split(" ");
        String a = words[random.nextInt(words.length)];
        String b = words[random.nextInt(words.length)];
        return pleased
                ? a + " 너무 마음에 들어요! " + b + "도 " + (random.nextBoolean() ? "최고예요" : "만족스러워요") + ". 또 올게요"
                : a + " 때문에 실망했어요. " + b + "도 " + (random.nextBoolean() ? "별로였어요" : "아쉬웠어요");
    }

    /** Character-level similarity: 1 − Levenshtein distance / the longer length. */
    static double similarity(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        int longest = Math.max(a.length(), b.length());
        return longest == 0 ? 1 : 1 - previous[b.length()] / (double) longest;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
