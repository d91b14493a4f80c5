package kr.salonmate.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keywords and sentiment of review texts (the rules are in docs/analytics.md). */
class ReviewTextTest {

    @Test
    void koreanKeywordsAreTheNounsWithoutParticlesEndingsOrStopWords() {
        ReviewText.Analysis text = ReviewText.analyse(5, "원장님이 커트를 정말 잘 해주셨어요. 펌도 만족합니다! 네일아트도 최고");

        assertThat(text.keywords()).containsExactly("원장", "커트", "펌", "만족", "네일아트", "최고");
        assertThat(text.sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void englishKeywordsDropStopWordsAndKeepEachWordOnce() {
        ReviewText.Analysis text = ReviewText.analyse(4, "The staff were lovely and the staff made a great haircut");

        assertThat(text.keywords()).containsExactly("staff", "were", "lovely", "made", "great", "haircut");
    }

    @Test
    void theLexiconMovesTheRatingsVerdictAndNegationsFlipIt() {
        assertThat(ReviewText.analyse(3, "그냥 그랬어요").sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(ReviewText.analyse(3, "친절하고 깔끔해요").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(ReviewText.analyse(3, "불친절하고 비싸요").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(ReviewText.analyse(3, "안 좋아요").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(ReviewText.analyse(3, "좋지 않아요").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(ReviewText.analyse(3, "not good at all").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(ReviewText.analyse(4, "별로예요").sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(ReviewText.analyse(1, null).sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(ReviewText.analyse(5, "").keywords()).isEmpty();
    }
}
