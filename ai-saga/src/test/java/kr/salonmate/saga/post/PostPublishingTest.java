package kr.salonmate.saga.post;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import kr.salonmate.integration.credentials.CredentialVault;
import kr.salonmate.integration.instagram.ContainerStatus;
import kr.salonmate.integration.instagram.InstagramApiException;
import kr.salonmate.integration.instagram.InstagramGraphClient;
import kr.salonmate.integration.instagram.InstagramMedia;
import kr.salonmate.integration.instagram.InstagramProperties;
import kr.salonmate.integration.instagram.PublishingLimit;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.post.BeginPostPublishing;
import kr.salonmate.messages.post.InstagramContainerCreated;
import kr.salonmate.messages.post.MarkPostPublishFailed;
import kr.salonmate.messages.post.MarkPostPublished;
import kr.salonmate.messages.post.MediaUrls;
import kr.salonmate.messages.post.PostCancelled;
import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.post.PostPublished;
import kr.salonmate.messages.post.PostPublishingStarted;
import kr.salonmate.messages.post.PostScheduled;
import kr.salonmate.messages.post.RecordInstagramContainer;
import kr.salonmate.messages.post.SignMediaUrls;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostPublishingTest {

    private static final ShopId SHOP = ShopId.of("5b0a7c43-8f3e-4c59-9d1b-2f6f1b0e7a11");
    private static final PostId POST = PostId.of("c0ffee00-0000-4000-8000-000000000001");
    private static final UUID PUBLICATION = UUID.fromString("eeeeeeee-0000-4000-8000-000000000001");
    private static final UUID PHOTO_1 = UUID.fromString("a0000000-0000-4000-8000-000000000001");
    private static final UUID PHOTO_2 = UUID.fromString("a0000000-0000-4000-8000-000000000002");
    private static final String IG_USER = "17841400000000001";
    private static final String TOKEN = "IGQVJ-secret-token";
    private static final String CONTAINER = "17889455560051444";
    private static final String MEDIA = "17895695668004550";
    private static final String PERMALINK = "https://www.instagram.com/p/C1a2b3c4d5e/";
    private static final String URL_1 = "https://salon.example/v1/media/1?expires=1&signature=a";
    private static final String URL_2 = "https://salon.example/v1/media/2?expires=1&signature=b";
    private static final String TEXT = "겨울엔 가볍게 ✂️\n\n#레이어드컷 #헤어살롱";
    private static final Instant AT = Instant.parse("2026-11-27T03:15:00Z");
    private static final Actor MANAGER = Actor.user(UUID.randomUUID(), "김매니저");

    private final InstagramGraphClient instagram = mock(InstagramGraphClient.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private final CredentialVault vault = mock(CredentialVault.class);
    private SagaTestFixture<PostPublishing> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(new InstagramProperties("http://ig", null, null, 3, Duration.ofSeconds(10),
                Duration.ofSeconds(5), 3));
        connected(true);
        doReturn(CompletableFuture.completedFuture(new MediaUrls(List.of(URL_1, URL_2)))).when(queries)
                .query(any(SignMediaUrls.class), any(ResponseType.class));
        when(vault.reveal("cred-ig")).thenReturn(TOKEN);
        when(instagram.publishingLimit(IG_USER, TOKEN)).thenReturn(new PublishingLimit(3, 100, 86_400));
    }

    private SagaTestFixture<PostPublishing> fixture(InstagramProperties settings) {
        SagaTestFixture<PostPublishing> f = new SagaTestFixture<>(PostPublishing.class);
        f.registerResource(instagram);
        f.registerResource(queries);
        f.registerResource(vault);
        f.registerResource(settings);
        return f;
    }

    private void connected(boolean instagramConnected) {
        ShopView shop = new ShopView(SHOP, "살롱 루미", "Asia/Seoul", "ko", UUID.randomUUID(), ReplySettings.defaults(),
                null, "FREE", null, instagramConnected
                ? new ShopView.InstagramConnection(IG_USER, "cred-ig", AT) : null);
        doReturn(CompletableFuture.completedFuture(shop)).when(queries).query(any(FindShop.class),
                any(ResponseType.class));
    }

    private static PostPublishingStarted started(List<UUID> photos) {
        return new PostPublishingStarted(POST, SHOP, PUBLICATION, photos, "겨울엔 가볍게 ✂️", List.of("레이어드컷", "헤어살롱"),
                MANAGER, AT);
    }

    private static PostPublishingStarted started() {
        return started(List.of(PHOTO_1, PHOTO_2));
    }

    private static InstagramContainerCreated containerCreated() {
        return new InstagramContainerCreated(POST, SHOP, PUBLICATION, CONTAINER, AT);
    }

    private static InstagramApiException transientFailure() {
        return new InstagramApiException(503, 2, 0, "INSTAGRAM_UNAVAILABLE",
                "Instagram had a temporary problem; SalonMate tries again.", true, null, null);
    }

    private static org.hamcrest.Matcher<List<org.axonframework.messaging.Message<?>>> onlyFailure(
            Predicate<MarkPostPublishFailed> check) {
        return payloadsMatching(exactSequenceOf(
                matches(payload -> payload instanceof MarkPostPublishFailed f && check.test(f)), andNoMore()));
    }

    // --- the container -------------------------------------------------------------------------------------

    @Test
    void aCarouselIsOneChildContainerPerPhotoThenTheCarouselAndItIsRecordedBeforeAnythingIsPublished() {
        when(instagram.createImageContainer(IG_USER, TOKEN, URL_1, null, true)).thenReturn("child-1");
        when(instagram.createImageContainer(IG_USER, TOKEN, URL_2, null, true)).thenReturn("child-2");
        when(instagram.createCarouselContainer(IG_USER, TOKEN, List.of("child-1", "child-2"), TEXT))
                .thenReturn(CONTAINER);

        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectDispatchedCommands(new RecordInstagramContainer(POST, PUBLICATION, CONTAINER))
                .expectActiveSagas(1)
                .expectAssociationWith("postId", POST.toString());
        verify(instagram, never()).publish(anyString(), anyString(), anyString());
    }

    @Test
    void aSinglePhotoIsOneContainerWithTheCaptionAndItsHashtags() {
        doReturn(CompletableFuture.completedFuture(new MediaUrls(List.of(URL_1)))).when(queries)
                .query(any(SignMediaUrls.class), any(ResponseType.class));
        when(instagram.createImageContainer(IG_USER, TOKEN, URL_1, TEXT, false)).thenReturn(CONTAINER);

        fixture.givenNoPriorActivity()
                .whenPublishingA(started(List.of(PHOTO_1)))
                .expectDispatchedCommands(new RecordInstagramContainer(POST, PUBLICATION, CONTAINER));
    }

    @Test
    void aFinishedContainerIsPublishedOnceAndThePermalinkRecorded() {
        when(instagram.containerStatus(CONTAINER, TOKEN)).thenReturn(ContainerStatus.FINISHED);
        when(instagram.publish(IG_USER, TOKEN, CONTAINER)).thenReturn(MEDIA);
        when(instagram.permalink(MEDIA, TOKEN)).thenReturn(PERMALINK);

        fixture.givenAPublished(started())
                .whenPublishingA(containerCreated())
                .expectDispatchedCommands(new MarkPostPublished(POST, PUBLICATION, MEDIA, PERMALINK))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        verify(instagram, times(1)).publish(IG_USER, TOKEN, CONTAINER);
    }

    @Test
    void aPermalinkThatCannotBeReadDoesNotMakeAPublishedPostFail() {
        when(instagram.containerStatus(CONTAINER, TOKEN)).thenReturn(ContainerStatus.FINISHED);
        when(instagram.publish(IG_USER, TOKEN, CONTAINER)).thenReturn(MEDIA);
        when(instagram.permalink(MEDIA, TOKEN)).thenThrow(transientFailure());

        fixture.givenAPublished(started())
                .whenPublishingA(containerCreated())
                .expectDispatchedCommands(new MarkPostPublished(POST, PUBLICATION, MEDIA, null))
                .expectActiveSagas(0);
    }

    @Test
    void aContainerStillInProgressIsLookedAtAgainLater() {
        when(instagram.containerStatus(CONTAINER, TOKEN)).thenReturn(ContainerStatus.IN_PROGRESS);

        fixture.givenAPublished(started())
                .whenPublishingA(containerCreated())
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(5), "post-publish-step");
        verify(instagram, never()).publish(anyString(), anyString(), anyString());
    }

    @Test
    void aContainerStuckInProgressFailsAfterTheLastCheck() {
        when(instagram.containerStatus(CONTAINER, TOKEN)).thenReturn(ContainerStatus.IN_PROGRESS);

        // looked at when created, after 5 s, then after 10 s more (the wait doubles): the third look gives up
        fixture.givenAPublished(started()).andThenAPublished(containerCreated())
                .whenTimeElapses(Duration.ofSeconds(15))
                .expectDispatchedCommandsMatching(onlyFailure(f -> f.code().equals("INSTAGRAM_CONTAINER_TIMEOUT")
                        && f.publicationId().equals(PUBLICATION) && f.message().contains("3 checks")))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        verify(instagram, never()).publish(anyString(), anyString(), anyString());
    }

    @Test
    void aContainerInErrorFailsAtOnce() {
        when(instagram.containerStatus(CONTAINER, TOKEN)).thenReturn(ContainerStatus.ERROR);

        fixture.givenAPublished(started())
                .whenPublishingA(containerCreated())
                .expectDispatchedCommandsMatching(onlyFailure(f -> f.code().equals("INSTAGRAM_MEDIA_REJECTED")));
    }

    // --- exactly once --------------------------------------------------------------------------------------

    @Test
    void aPublishWhoseAnswerWasLostIsRecognisedByTheContainerStatusAndNotSentAgain() {
        when(instagram.containerStatus(CONTAINER, TOKEN)).thenReturn(ContainerStatus.FINISHED)
                .thenReturn(ContainerStatus.PUBLISHED);
        when(instagram.publish(IG_USER, TOKEN, CONTAINER)).thenThrow(transientFailure());
        when(instagram.recentMedia(IG_USER, TOKEN)).thenReturn(List.of(new InstagramMedia("other", "another post", null),
                new InstagramMedia(MEDIA, TEXT, PERMALINK)));

        fixture.givenAPublished(started()).andThenAPublished(containerCreated())
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectDispatchedCommands(new MarkPostPublished(POST, PUBLICATION, MEDIA, PERMALINK))
                .expectActiveSagas(0);
        verify(instagram, times(1)).publish(IG_USER, TOKEN, CONTAINER);
    }

    @Test
    void aTransientFailureBeforePublishingIsRetriedWithBackoff() {
        when(instagram.containerStatus(CONTAINER, TOKEN)).thenThrow(transientFailure());

        fixture.givenAPublished(started())
                .whenPublishingA(containerCreated())
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), "post-publish-step");
    }

    @Test
    void afterTheLastAttemptTheFailureIsRecordedForTheOwner() {
        when(instagram.containerStatus(CONTAINER, TOKEN)).thenThrow(transientFailure());

        fixture.givenAPublished(started()).andThenAPublished(containerCreated())
                .whenTimeElapses(Duration.ofSeconds(40))
                .expectDispatchedCommandsMatching(onlyFailure(f -> f.code().equals("INSTAGRAM_UNAVAILABLE")
                        && f.attempts() == 3 && f.message().contains("after 3 attempts")))
                .expectActiveSagas(0);
    }

    @Test
    void anExhaustedQuotaFailsClearlyWithoutPublishing() {
        when(instagram.containerStatus(CONTAINER, TOKEN)).thenReturn(ContainerStatus.FINISHED);
        when(instagram.publishingLimit(IG_USER, TOKEN)).thenReturn(new PublishingLimit(100, 100, 86_400));

        fixture.givenAPublished(started())
                .whenPublishingA(containerCreated())
                .expectDispatchedCommandsMatching(onlyFailure(f -> f.code().equals("INSTAGRAM_QUOTA_EXHAUSTED")
                        && f.message().contains("100 of the 100 posts")))
                .expectActiveSagas(0);
        verify(instagram, never()).publish(anyString(), anyString(), anyString());
    }

    @Test
    void anExpiredTokenFailsAtOnceAskingToReconnect() {
        when(instagram.createImageContainer(anyString(), anyString(), anyString(), isNull(), anyBoolean()))
                .thenThrow(new InstagramApiException(400, 190, 463, "INSTAGRAM_TOKEN_EXPIRED",
                        "Instagram no longer accepts SalonMate's access token. Reconnect Instagram.", false, null,
                        null));

        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectDispatchedCommandsMatching(onlyFailure(f -> f.code().equals("INSTAGRAM_TOKEN_EXPIRED")
                        && f.message().contains("Reconnect Instagram") && !f.message().contains(TOKEN)))
                .expectActiveSagas(0);
    }

    @Test
    void aShopWithoutInstagramFailsAtOnce() {
        connected(false);

        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectDispatchedCommandsMatching(onlyFailure(f -> f.code().equals("INSTAGRAM_NOT_CONNECTED")));
    }

    // --- scheduled -----------------------------------------------------------------------------------------

    @Test
    void aScheduledPostWaitsOnAPersistentDeadlineForItsTime() {
        Instant due = AT.plus(Duration.ofDays(1));
        fixture.givenNoPriorActivity()
                .whenPublishingA(new PostScheduled(POST, SHOP, PUBLICATION, due, MANAGER, AT))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(due, "post-due");
    }

    @Test
    void atItsTimeTheScheduledPublicationIsStartedAndNotBefore() {
        fixture.givenCurrentTime(AT)
                .andThenAPublished(new PostScheduled(POST, SHOP, PUBLICATION, AT.plusSeconds(3600), MANAGER, AT))
                .whenTimeElapses(Duration.ofSeconds(3599))
                .expectNoDispatchedCommands();
        fixture = fixture(new InstagramProperties("http://ig", null, null, 3, Duration.ofSeconds(10),
                Duration.ofSeconds(5), 3));
        fixture.givenCurrentTime(AT)
                .andThenAPublished(new PostScheduled(POST, SHOP, PUBLICATION, AT.plusSeconds(3600), MANAGER, AT))
                .whenTimeElapses(Duration.ofSeconds(3600))
                .expectDispatchedCommands(new BeginPostPublishing(POST, PUBLICATION))
                .expectActiveSagas(1);
    }

    @Test
    void aCancelledPostEndsTheWaitAndItsDeadline() {
        fixture.givenAPublished(new PostScheduled(POST, SHOP, PUBLICATION, AT.plusSeconds(3600), MANAGER, AT))
                .whenPublishingA(new PostCancelled(POST, SHOP, MANAGER, AT))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCancelledPostIsNotStartedWhenItsTimeComes() {
        fixture.givenCurrentTime(AT)
                .andThenAPublished(new PostScheduled(POST, SHOP, PUBLICATION, AT.plusSeconds(2), MANAGER, AT))
                .andThenAPublished(new PostCancelled(POST, SHOP, MANAGER, AT))
                .whenTimeElapses(Duration.ofSeconds(3))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void theSagaEndsWhenThePostIsPublished() {
        when(instagram.containerStatus(CONTAINER, TOKEN)).thenReturn(ContainerStatus.IN_PROGRESS);
        fixture.givenAPublished(started()).andThenAPublished(containerCreated())
                .whenPublishingA(new PostPublished(POST, SHOP, PUBLICATION, MEDIA, PERMALINK, AT))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        verify(vault, never()).store(any(), any(), eq(TOKEN));
    }
}
