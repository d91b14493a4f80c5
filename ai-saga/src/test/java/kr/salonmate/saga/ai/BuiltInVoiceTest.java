package kr.salonmate.saga.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.VoiceExamples;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReplyTone;
import org.junit.jupiter.api.Test;

/** The built-in drafter with examples of the shop's own voice: which example it follows, and how. */
class BuiltInVoiceTest {

    private static final ReviewId REVIEW = new ReviewId(UUID.fromString("8a3e4c1d-2b7f-4e2a-9c55-0d1e2f3a4b5c"));
    private static final ReplySettings SETTINGS = new ReplySettings(ReplyTone.POLITE, "AUTO", "— 살롱 드 서울", true,
            null, false);
    private static final String OWN = "이서연님, 후기 감사해요! 애쉬 톤이 잘 어울리셔서 저희도 뿌듯했어요. 또 뵐게요 :) 원장 지수 드림"
            + "\n\n— 살롱 드 서울";

    private final BuiltInReplyDrafter drafter = new BuiltInReplyDrafter();

    @Test
    void itKeepsItsGreetingForThisReviewerAndContinuesInTheShopsWords() {
        Draft draft = draft(5, "ko", "ignored instruction", example(5, OWN));

        assertThat(draft.text()).startsWith("김민지").doesNotContain("이서연")
                .contains("애쉬 톤이 잘 어울리셔서 저희도 뿌듯했어요. 또 뵐게요 :) 원장 지수 드림")
                .endsWith("— 살롱 드 서울");
        assertThat(draft.text().split("— 살롱 드 서울", -1)).as("the signature once").hasSize(2);
    }

    @Test
    void anExampleOfAnotherMoodOrLanguageIsNotFollowed() {
        Draft plain = draft(2, "ko", null);
        assertThat(draft(2, "ko", null, example(5, OWN)).text()).isEqualTo(plain.text());
        Draft english = draft(5, "en", null);
        assertThat(draft(5, "en", null, example(5, OWN)).text()).isEqualTo(english.text());
        assertThat(draft(5, "ko", null, example(5, "감사합니다!")).text())
                .as("a one-sentence example has nothing after its greeting").isEqualTo(draft(5, "ko", null).text());
    }

    @Test
    void theFirstFittingExampleWinsAndABriefDraftTakesOneSentenceOfIt() {
        Draft draft = draft(4, "ko", null, example(1, "죄송합니다. 다시 연락 주세요."), example(5, OWN),
                example(5, "감사해요! 다른 문장이에요. 끝."));
        assertThat(draft.text()).contains("애쉬 톤이 잘 어울리셔서").doesNotContain("다른 문장").doesNotContain("연락 주세요");
        Draft brief = draft(5, "ko", "짧게", example(5, OWN));
        assertThat(brief.text()).contains("애쉬 톤이 잘 어울리셔서 저희도 뿌듯했어요.").doesNotContain("원장 지수 드림");
    }

    private Draft draft(int rating, String language, String instruction, VoiceExamples.Example... examples) {
        return drafter.draft(new DraftRequest(REVIEW, "살롱 드 서울", SETTINGS, "김민지", rating, "좋아요", language,
                instruction, List.of(examples)));
    }

    private static VoiceExamples.Example example(int rating, String reply) {
        return new VoiceExamples.Example(new ReviewId(UUID.randomUUID()), rating, "리뷰", reply, 0.8);
    }
}
