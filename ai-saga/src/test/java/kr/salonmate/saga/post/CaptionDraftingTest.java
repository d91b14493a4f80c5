package kr.salonmate.saga.post;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.post.CaptionDrafted;
import kr.salonmate.messages.post.Captions;
import kr.salonmate.messages.post.DraftCaption;
import kr.salonmate.messages.post.MarkCaptionDraftFailed;
import kr.salonmate.messages.post.PostCreated;
import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.review.TokenUsage;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReplyTone;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.ai.BuiltInCaptionDrafter;
import kr.salonmate.saga.ai.CaptionDraft;
import kr.salonmate.saga.ai.CaptionDrafter;
import kr.salonmate.saga.ai.CaptionRequest;
import kr.salonmate.saga.ai.DraftFailed;
import kr.salonmate.saga.common.DraftProperties;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaptionDraftingTest {

    private static final ShopId SHOP = ShopId.of("5b0a7c43-8f3e-4c59-9d1b-2f6f1b0e7a11");
    private static final PostId POST = PostId.of("c0ffee00-0000-4000-8000-000000000001");
    private static final UUID REQUEST = UUID.fromString("dddddddd-0000-4000-8000-000000000001");
    private static final Instant AT = Instant.parse("2026-11-27T03:15:00Z");
    private static final TokenUsage TOKENS = new TokenUsage(300, 80);

    private final CaptionDrafter drafter = mock(CaptionDrafter.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private SagaTestFixture<CaptionDrafting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CaptionDrafting.class);
        fixture.registerResource(drafter);
        fixture.registerResource(queries);
        fixture.registerResource(new DraftProperties(3, Duration.ofSeconds(20), null));
        ShopView shop = new ShopView(SHOP, "살롱 루미", "Asia/Seoul", "ko", UUID.randomUUID(),
                new ReplySettings(ReplyTone.FRIENDLY, "AUTO", null, true, null, false), null, "FREE", null);
        doReturn(CompletableFuture.completedFuture(shop)).when(queries).query(any(FindShop.class),
                any(ResponseType.class));
    }

    private static PostCreated created() {
        return new PostCreated(POST, SHOP, List.of(UUID.randomUUID(), UUID.randomUUID()), "겨울 레이어드 컷", REQUEST,
                Actor.user(UUID.randomUUID(), "박스태프"), AT);
    }

    @Test
    void aNewPostGetsACaptionInTheShopsLanguageAndTone() {
        when(drafter.draft(new CaptionRequest(POST, "살롱 루미", ReplyTone.FRIENDLY, "ko", "겨울 레이어드 컷", 2)))
                .thenReturn(new CaptionDraft("겨울엔 가볍게 ✂️", List.of("#레이어드컷", "헤어살롱", "헤어살롱", "not valid"),
                        "gpt-4o", "caption-v1", TOKENS));

        fixture.givenNoPriorActivity()
                .whenPublishingA(created())
                .expectDispatchedCommands(new DraftCaption(POST, REQUEST, "겨울엔 가볍게 ✂️", List.of("레이어드컷", "헤어살롱"),
                        "gpt-4o", "caption-v1", TOKENS))
                .expectActiveSagas(0);
    }

    @Test
    void aFailingModelIsTriedAgainOnADeadline() {
        when(drafter.draft(any())).thenThrow(new DraftFailed("timeout", null));

        fixture.givenNoPriorActivity()
                .whenPublishingA(created())
                .expectNoDispatchedCommands()
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(20), "caption-retry");
    }

    @Test
    void afterTheLastAttemptTheDraftIsMarkedFailedSoItCanBeRetried() {
        when(drafter.draft(any())).thenThrow(new DraftFailed("The model did not answer", null));

        fixture.givenAPublished(created())
                .whenTimeElapses(Duration.ofSeconds(60))
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(matches(payload ->
                        payload instanceof MarkCaptionDraftFailed f && f.attempts() == 3
                                && f.reason().contains("The model did not answer")), andNoMore())))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void theSagaEndsWhenTheCaptionArrivesWhileARetryIsPending() {
        when(drafter.draft(any())).thenThrow(new DraftFailed("timeout", null));

        fixture.givenAPublished(created())
                .whenPublishingA(new CaptionDrafted(POST, SHOP, REQUEST, "x", List.of(), "m", "v", TOKENS, AT))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anOverlongModelAnswerIsMadeToFitInstagram() {
        List<String> tags = new ArrayList<>(IntStream.range(0, 40).mapToObj(i -> "tag" + i).toList());
        FittedCaption fitted = FittedCaption.of("긴 글 ".repeat(1_000), tags);

        assertThat(fitted.hashtags()).hasSize(15);
        assertThat(Captions.length(Captions.compose(fitted.caption(), fitted.hashtags())))
                .isLessThanOrEqualTo(Captions.MAX_LENGTH);
        assertThat(fitted.caption()).endsWith("…");
    }

    @Test
    void theBuiltInDrafterWritesFiveToFifteenValidHashtagsInTheShopsLanguage() {
        CaptionDraft korean = new BuiltInCaptionDrafter().draft(new CaptionRequest(POST, "살롱 루미", ReplyTone.POLITE,
                "ko", "겨울 레이어드 컷 <script>alert(1)</script>", 3));
        assertThat(korean.caption()).contains("겨울 레이어드 컷").contains("3장");
        assertThat(korean.hashtags()).hasSizeBetween(5, 15).allMatch(Captions::isValidTag).contains("살롱루미", "겨울");
        assertThat(korean.model()).isEqualTo("salonmate-builtin");

        CaptionDraft english = new BuiltInCaptionDrafter().draft(new CaptionRequest(POST, "Lumi", ReplyTone.FRIENDLY,
                "en", null, 1));
        assertThat(english.caption()).contains("Lumi");
        assertThat(english.hashtags()).hasSizeBetween(5, 15).contains("salon");
    }
}
