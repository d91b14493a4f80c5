package kr.salonmate.query.analytics;

import static kr.salonmate.query.support.ReviewStory.MANAGER;
import static kr.salonmate.query.support.ReviewStory.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.salonmate.messages.analytics.AnalyticsBucket;
import kr.salonmate.messages.analytics.AnalyticsView;
import kr.salonmate.messages.analytics.FetchAnalytics;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopRegistered;
import kr.salonmate.query.support.ProjectionTest;
import kr.salonmate.query.support.ReviewStory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

class AnalyticsProjectionTest extends ProjectionTest {

    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");
    private static final LocalDate NOV_2 = LocalDate.parse("2026-11-02");

    private final ShopId shop = ShopId.random();

    @Test
    void anEventThatCannotBeReadIsSequencedOnItsOwnSoThatItCanBeDeadLettered() {
        org.axonframework.eventhandling.EventMessage<Object> unreadable =
                new org.axonframework.eventhandling.GenericEventMessage<Object>("{broken") {
                    @Override
                    public Object getPayload() {
                        throw new org.axonframework.serialization.SerializationException("not JSON");
                    }
                };
        assertThat(AnalyticsProjection.SEQUENCING.getSequenceIdentifierFor(unreadable))
                .isEqualTo(unreadable.getIdentifier());
        ShopId shop = ShopId.random();
        ShopRegistered registered = new ShopRegistered(shop, "살롱", "Asia/Seoul", "ko", OWNER, ReplySettings.defaults(),
                Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(AnalyticsProjection.SEQUENCING.getSequenceIdentifierFor(
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage(registered))).isEqualTo(shop.value());
    }

    @Test
    void reviewsCountOnTheDayTheyWereWrittenInTheShopsTimeZoneWithRatingsRepliesAndAiOutcomes() {
        // 23:00 and 23:59 in Seoul on 1 November; 00:30 on 2 November (still 1 November in UTC)
        ReviewStory lateEvening = ReviewStory.google(shop, "an-1").at(Instant.parse("2026-11-01T14:00:00Z"));
        ReviewStory beforeMidnight = ReviewStory.google(shop, "an-2").at(Instant.parse("2026-11-01T14:59:00Z"));
        ReviewStory afterMidnight = ReviewStory.naver(shop, "an-3").at(Instant.parse("2026-11-01T15:30:00Z"));
        given(registered("Asia/Seoul"),
                lateEvening.received(5, "민지", "원장님 커트 최고예요! 친절하고 머리가 예쁘게 나왔어요"),
                lateEvening.draftRequested(null, OWNER), lateEvening.drafted("감사합니다!"), lateEvening.approved(OWNER),
                lateEvening.published(),
                beforeMidnight.received(2, "B", "직원이 불친절하고 40분이나 기다렸어요. 커트도 별로예요"),
                beforeMidnight.draftRequested(null, OWNER), beforeMidnight.drafted("죄송합니다"),
                beforeMidnight.edited("불편을 드려 죄송합니다. 연락 주세요.", MANAGER), beforeMidnight.approved(MANAGER),
                beforeMidnight.published(),
                afterMidnight.received(4, "Jamie", "Lovely staff, great haircut"),
                afterMidnight.foundAtSource("Thanks Jamie!"));

        AnalyticsView view = analytics(NOV_1, NOV_2, AnalyticsBucket.DAY);

        assertThat(view.buckets()).extracting(AnalyticsView.Bucket::start).containsExactly(NOV_1, NOV_2);
        AnalyticsView.Bucket first = view.buckets().get(0);
        assertThat(first.reviews()).isEqualTo(2);
        assertThat(first.ratingCounts()).containsExactly(Map.entry("1", 0L), Map.entry("2", 1L), Map.entry("3", 0L),
                Map.entry("4", 0L), Map.entry("5", 1L));
        assertThat(first.averageRating()).isEqualTo(3.5);
        assertThat(first.replies()).isEqualTo(2);
        assertThat(first.replyRate()).isEqualTo(1.0);
        // each story moves one minute per event: received → published is 4 and 5 minutes
        assertThat(first.medianResponseMinutes()).isCloseTo(4.5, within(1e-9));
        assertThat(first.aiAcceptedUnchanged()).isEqualTo(1);
        assertThat(first.aiEdited()).isEqualTo(1);
        AnalyticsView.Bucket second = view.buckets().get(1);
        assertThat(second.reviews()).isEqualTo(1);
        assertThat(second.replies()).isEqualTo(1);
        assertThat(second.medianResponseMinutes()).as("a reply found at the source is not SalonMate's").isNull();
        assertThat(second.aiAcceptedUnchanged() + second.aiEdited()).isZero();

        assertThat(view.sentiment()).isEqualTo(new AnalyticsView.Sentiment(2, 0, 1));
        assertThat(view.keywords()).first().isEqualTo(new AnalyticsView.Keyword("커트", 2));
        assertThat(view.keywords()).extracting(AnalyticsView.Keyword::term)
                .contains("원장", "머리", "직원", "불친절", "lovely", "staff", "haircut")
                .doesNotContain("이", "가", "고", "예요", "and", "the");
    }

    @Test
    void anEditAtTheSourceMovesTheReviewsRatingSentimentAndKeywords() {
        ReviewStory review = ReviewStory.google(shop, "an-4").at(Instant.parse("2026-11-10T03:00:00Z"));
        given(registered("Asia/Seoul"), review.received(5, "C", "펌이 예쁘게 나왔어요"));
        given(review.editedAtSource(1, "펌이 하루 만에 풀렸어요. 실망입니다"));

        AnalyticsView view = analytics(LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-10"),
                AnalyticsBucket.DAY);

        assertThat(view.buckets().get(0).ratingCounts()).containsEntry("5", 0L).containsEntry("1", 1L);
        assertThat(view.buckets().get(0).averageRating()).isEqualTo(1.0);
        assertThat(view.sentiment()).isEqualTo(new AnalyticsView.Sentiment(0, 0, 1));
        assertThat(view.keywords()).extracting(AnalyticsView.Keyword::term).contains("펌", "하루", "실망");
        assertThat(view.keywords()).filteredOn(k -> k.term().equals("펌")).extracting(AnalyticsView.Keyword::count)
                .containsExactly(1L);
    }

    @Test
    void aTermNoReviewMentionsAnyMoreIsNoLongerAKeyword() {
        ReviewStory review = ReviewStory.google(shop, "an-10").at(Instant.parse("2026-11-12T03:00:00Z"));
        ReviewStory silent = ReviewStory.google(shop, "an-11").at(Instant.parse("2026-11-12T04:00:00Z"));
        given(registered("Asia/Seoul"), review.received(5, "E", "염색이 예뻐요"), silent.received(4, "F", ""));
        assertThat(keywords(LocalDate.parse("2026-11-12"))).containsExactly(new AnalyticsView.Keyword("염색", 1));

        given(review.editedAtSource(2, "커트가 별로였어요"));

        assertThat(keywords(LocalDate.parse("2026-11-12"))).extracting(AnalyticsView.Keyword::term)
                .contains("커트").doesNotContain("염색", "");
    }

    @Test
    void weeksStartOnMondayMonthsOnTheFirstAndEmptyBucketsAreListed() {
        ReviewStory wednesday = ReviewStory.google(shop, "an-5").at(Instant.parse("2026-11-04T03:00:00Z"));
        ReviewStory sunday = ReviewStory.google(shop, "an-6").at(Instant.parse("2026-11-08T03:00:00Z"));
        ReviewStory nextMonday = ReviewStory.google(shop, "an-7").at(Instant.parse("2026-11-09T03:00:00Z"));
        given(registered("Asia/Seoul"), wednesday.received(4, "a", "good"), sunday.received(2, "b", "bad"),
                nextMonday.received(5, "c", "great"));

        AnalyticsView weeks = analytics(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-20"),
                AnalyticsBucket.WEEK);
        assertThat(weeks.buckets()).extracting(AnalyticsView.Bucket::start).containsExactly(
                LocalDate.parse("2026-10-26"), LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-09"),
                LocalDate.parse("2026-11-16"));
        assertThat(weeks.buckets()).extracting(AnalyticsView.Bucket::reviews).containsExactly(0L, 2L, 1L, 0L);
        assertThat(weeks.buckets().get(0).averageRating()).isNull();
        assertThat(weeks.buckets().get(0).replyRate()).isZero();

        AnalyticsView months = analytics(LocalDate.parse("2026-10-15"), LocalDate.parse("2026-11-30"),
                AnalyticsBucket.MONTH);
        assertThat(months.buckets()).extracting(AnalyticsView.Bucket::start)
                .containsExactly(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-01"));
        assertThat(months.buckets()).extracting(AnalyticsView.Bucket::reviews).containsExactly(0L, 3L);
        assertThat(months.buckets().get(1).averageRating()).isCloseTo(11 / 3.0, within(1e-9));
    }

    @Test
    void aShopInAnotherTimeZoneCountsInItsOwnDays() {
        ReviewStory review = ReviewStory.google(shop, "an-8").at(Instant.parse("2026-11-05T02:00:00Z"));
        given(registered("America/Los_Angeles"), review.received(3, "d", "ok"));

        AnalyticsView view = analytics(LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-05"),
                AnalyticsBucket.DAY);

        assertThat(view.buckets()).extracting(AnalyticsView.Bucket::reviews).containsExactly(1L, 0L);
    }

    @Test
    void anotherShopsReviewsAreNotCounted() {
        ReviewStory review = ReviewStory.google(shop, "an-9").at(Instant.parse("2026-11-05T02:00:00Z"));
        given(registered("Asia/Seoul"), review.received(3, "d", "ok"));

        AnalyticsView view = query(new FetchAnalytics(ShopId.random(), LocalDate.parse("2026-11-05"),
                LocalDate.parse("2026-11-05"), AnalyticsBucket.DAY), AnalyticsView.class);

        assertThat(view.buckets()).extracting(AnalyticsView.Bucket::reviews).containsExactly(0L);
        assertThat(view.keywords()).isEmpty();
    }

    private List<AnalyticsView.Keyword> keywords(LocalDate day) {
        return analytics(day, day, AnalyticsBucket.DAY).keywords();
    }

    private AnalyticsView analytics(LocalDate from, LocalDate to, AnalyticsBucket bucket) {
        return query(new FetchAnalytics(shop, from, to, bucket), AnalyticsView.class);
    }

    private DomainEventMessage<?> registered(String zone) {
        return new GenericDomainEventMessage<>("Shop", shop.toString(), 0,
                new ShopRegistered(shop, "Salon", zone, "ko", OWNER, ReplySettings.defaults(),
                        Instant.parse("2026-10-01T00:00:00Z")));
    }
}
