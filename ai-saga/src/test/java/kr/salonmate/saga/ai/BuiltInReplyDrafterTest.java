package kr.salonmate.saga.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.TokenUsage;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReplyTone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BuiltInReplyDrafterTest {

    private static final ReviewId REVIEW = new ReviewId(UUID.fromString("8a3e4c1d-2b7f-4e2a-9c55-0d1e2f3a4b5c"));
    private final BuiltInReplyDrafter drafter = new BuiltInReplyDrafter();

    private static ReplySettings settings(ReplyTone tone, String language, String signature, boolean allowOffers) {
        return new ReplySettings(tone, language, signature, true, null, allowOffers);
    }

    private Draft draft(ReplySettings settings, String author, int rating, String comment, String language) {
        return drafter.draft(new DraftRequest(REVIEW, "살롱 드 서울", settings, author, rating, comment, language, null));
    }

    @Test
    void aKoreanReviewGetsAKoreanReplyWithHonorificsInAuto() {
        Draft draft = draft(settings(ReplyTone.POLITE, "AUTO", null, false), "김민지", 5, "너무 친절하고 좋았어요!", "ko");

        assertThat(draft.text()).contains("김민지님").contains("감사").containsPattern("(니다|세요)[.!]");
        assertThat(draft.text()).doesNotContainPattern("[A-Za-z]{3,}");
        assertThat(draft.model()).isEqualTo("salonmate-builtin");
        assertThat(draft.promptVersion()).isEqualTo("builtin-1");
        assertThat(draft.tokenUsage()).isEqualTo(TokenUsage.none());
    }

    @Test
    void anEnglishReviewGetsAnEnglishReplyInAuto() {
        Draft draft = draft(settings(ReplyTone.POLITE, "AUTO", null, false), "Jane", 4, "Lovely nails!", "en");

        assertThat(draft.text()).startsWith("Dear Jane,").containsIgnoringCase("thank");
        assertThat(draft.text()).doesNotContainPattern("\\p{IsHangul}");
    }

    @Test
    void theShopsLanguageWinsOverTheReviewsWhenSet() {
        Draft draft = draft(settings(ReplyTone.POLITE, "ko", null, false), "Jane", 5, "Great!", "en");

        assertThat(draft.text()).containsPattern("\\p{IsHangul}").contains("Jane님");
    }

    @ParameterizedTest
    @EnumSource(ReplyTone.class)
    void oneOrTwoStarsGetAnApologyAndAnInvitationToGetInTouch(ReplyTone tone) {
        Draft korean = draft(settings(tone, "AUTO", null, false), "박지훈", 1, "예약 시간에 한참 기다렸어요.", "ko");
        Draft english = draft(settings(tone, "AUTO", null, false), "Tom", 2, "Waited 40 minutes.", "en");

        assertThat(korean.text()).containsPattern("죄송|사과").contains("연락");
        assertThat(english.text()).containsPattern("(?i)sorry|apologi|regret").containsPattern("(?i)contact|get in touch|reach out");
        assertThat(korean.text()).doesNotContain("감사합니다만").doesNotContain("하지만");
    }

    @ParameterizedTest
    @EnumSource(ReplyTone.class)
    void noRefundOrDiscountIsOfferedUnlessTheShopAllowsOffers(ReplyTone tone) {
        for (int rating = 1; rating <= 5; rating++) {
            String korean = draft(settings(tone, "AUTO", null, false), "박지훈", rating, "별로였어요", "ko").text();
            String english = draft(settings(tone, "AUTO", null, false), "Tom", rating, "Not great", "en").text();
            assertThat(korean).doesNotContain("환불").doesNotContain("할인").doesNotContain("보상");
            assertThat(english).doesNotContainIgnoringCase("refund").doesNotContainIgnoringCase("discount");
        }
        assertThat(draft(settings(tone, "AUTO", null, true), "박지훈", 1, "별로였어요", "ko").text()).contains("환불");
        assertThat(draft(settings(tone, "AUTO", null, true), "Tom", 1, "Bad", "en").text()).containsIgnoringCase("refund");
        assertThat(draft(settings(tone, "AUTO", null, true), "Tom", 5, "Great", "en").text()).doesNotContainIgnoringCase("refund");
    }

    @Test
    void threeStarsAreThankedAndTheCriticismIsNoted() {
        String text = draft(settings(ReplyTone.POLITE, "AUTO", null, false), "Ann", 3, "OK but pricey", "en").text();

        assertThat(text).containsIgnoringCase("thank").containsPattern("(?i)improve|better");
        assertThat(text).doesNotContainIgnoringCase("sorry");
    }

    @Test
    void theSignatureIsAppendedOnItsOwnLine() {
        String text = draft(settings(ReplyTone.FRIENDLY, "AUTO", "살롱 드 서울 원장 드림", false), "김민지", 5, "좋아요", "ko").text();

        assertThat(text).endsWith("\n\n살롱 드 서울 원장 드림");
    }

    @Test
    void theTonesSoundDifferent() {
        String friendly = draft(settings(ReplyTone.FRIENDLY, "AUTO", null, false), "김민지", 5, "좋아요", "ko").text();
        String formal = draft(settings(ReplyTone.FORMAL, "AUTO", null, false), "김민지", 5, "좋아요", "ko").text();

        assertThat(formal).contains("김민지 고객님").contains("드립니다");
        assertThat(friendly).contains("김민지님").containsPattern("요[.!]");
        assertThat(friendly).isNotEqualTo(formal);
    }

    @Test
    void anAnonymousReviewerIsAddressedPolitelyWithoutAName() {
        assertThat(draft(settings(ReplyTone.POLITE, "AUTO", null, false), "Google user", 5, "좋아요", "ko").text())
                .startsWith("고객님,");
        assertThat(draft(settings(ReplyTone.POLITE, "AUTO", null, false), "Google user", 5, "Nice", "en").text())
                .startsWith("Dear guest,");
    }

    @Test
    void repliesDifferBetweenReviewsButAreStableForOneReview() {
        ReplySettings polite = settings(ReplyTone.POLITE, "AUTO", null, false);
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            ReviewId review = new ReviewId(UUID.nameUUIDFromBytes(("review-" + i).getBytes()));
            texts.add(drafter.draft(new DraftRequest(review, "s", polite, "Jane", 5, "Nice", "en", null)).text());
        }
        Draft once = draft(polite, "Jane", 5, "Nice", "en");
        Draft again = draft(polite, "Jane", 5, "Nice", "en");

        assertThat(texts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(once).isEqualTo(again);
    }

    @Test
    void anInstructionToBeShortGivesAShorterReply() {
        ReplySettings polite = settings(ReplyTone.POLITE, "AUTO", null, false);
        String full = draft(polite, "Jane", 5, "Nice", "en").text();
        String brief = drafter.draft(new DraftRequest(REVIEW, "s", polite, "Jane", 5, "Nice", "en", "shorter please")).text();

        assertThat(brief.length()).isLessThan(full.length());
    }
}
