package kr.salonmate.query.analytics;

import static kr.salonmate.query.support.ReviewStory.MANAGER;
import static kr.salonmate.query.support.ReviewStory.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

/** Analytics rebuilt from the first event are the analytics that were built live, event by event. */
class AnalyticsReplayTest extends ProjectionTest {

    private static final String[] COMMENTS = {"원장님 커트 최고예요! 또 올게요", "직원이 불친절하고 40분이나 기다렸어요",
            "펌이 예쁘게 나왔어요, 가격도 괜찮아요", "Lovely staff, great haircut", "Too expensive and the colour faded",
            "네일아트 색감이 너무 예뻐요 \"강추\"", "그냥 그랬어요", "염색 후 두피가 따가웠어요. 아쉽네요"};

    @Test
    void aReplayOfTheAnalyticsProjectionRebuildsExactlyWhatWasBuiltLive() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ShopId seoul = ShopId.random();
        ShopId london = ShopId.random();
        // live: the events arrive in many small commits, interleaved across reviews and shops
        given(registered(seoul, "Asia/Seoul"), registered(london, "Europe/London"));
        List<ReviewStory> stories = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ShopId shop = i % 3 == 0 ? london : seoul;
            stories.add(ReviewStory.google(shop, "replay-" + i)
                    .at(Instant.parse("2026-10-20T00:00:00Z").plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)))));
        }
        List<List<DomainEventMessage<?>>> histories = stories.stream().map(s -> history(s, random)).toList();
        for (int step = 0; step < 8; step++) {
            List<DomainEventMessage<?>> commit = new ArrayList<>();
            for (List<DomainEventMessage<?>> history : histories) {
                if (step < history.size()) {
                    commit.add(history.get(step));
                }
            }
            if (!commit.isEmpty()) {
                given(commit.toArray(DomainEventMessage[]::new));
            }
        }
        Map<String, Object> live = everything(seoul, london);
        assertThat(((AnalyticsView) live.get(seoul + "/MONTH")).buckets())
                .anySatisfy(bucket -> assertThat(bucket.reviews()).isPositive());

        StreamingEventProcessor analytics = processor(AnalyticsProjection.GROUP);
        analytics.shutDown();
        analytics.resetTokens();
        analytics.start();
        awaitProjections();

        assertThat(everything(seoul, london)).as("seed " + seed).isEqualTo(live);
    }

    /** A review's plausible life: received, maybe edited at the source, drafted, edited, approved, published. */
    private static List<DomainEventMessage<?>> history(ReviewStory story, Random random) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(story.received(1 + random.nextInt(5), "author", COMMENTS[random.nextInt(COMMENTS.length)]));
        if (random.nextInt(5) == 0) {
            events.add(story.editedAtSource(1 + random.nextInt(5), COMMENTS[random.nextInt(COMMENTS.length)]));
        }
        if (random.nextInt(6) == 0) {
            events.add(story.foundAtSource("Thanks, from the owner"));
            return events;
        }
        events.add(story.draftRequested(null, OWNER));
        events.add(story.drafted("감사합니다!"));
        if (random.nextBoolean()) {
            events.add(story.edited("고객님 감사합니다!", MANAGER));
        }
        if (random.nextInt(4) == 0) {
            events.add(story.rejected("not yet", MANAGER));
            return events;
        }
        events.add(story.approved(OWNER));
        events.add(random.nextInt(5) == 0 ? story.publishFailed("UNAVAILABLE", "503") : story.published());
        return events;
    }

    private Map<String, Object> everything(ShopId... shops) {
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        for (ShopId shop : shops) {
            for (AnalyticsBucket bucket : AnalyticsBucket.values()) {
                result.put(shop + "/" + bucket, query(new FetchAnalytics(shop, LocalDate.parse("2026-10-01"),
                        LocalDate.parse("2026-12-31"), bucket), AnalyticsView.class));
            }
            result.put(shop + "/reviews", jdbc.queryForList(
                    "SELECT * FROM analytics_review WHERE shop_id = ? ORDER BY review_id", shop.value()));
        }
        return result;
    }

    private static DomainEventMessage<?> registered(ShopId shop, String zone) {
        return new GenericDomainEventMessage<>("Shop", shop.toString(), 0, new ShopRegistered(shop, "Salon", zone,
                "ko", OWNER, ReplySettings.defaults(), Instant.parse("2026-10-01T00:00:00Z")));
    }
}
