package kr.salonmate.integration.google;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static kr.salonmate.integration.google.GoogleFake.json;
import static kr.salonmate.integration.google.GoogleFake.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import kr.salonmate.integration.credentials.CredentialVault;
import kr.salonmate.messages.review.FetchSyncedReviews;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.ReviewStatus;
import kr.salonmate.messages.review.SourceReply;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.review.SyncedReviews;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.RecordReviewSync;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.testsupport.Postgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ReviewSyncTest {

    private static final ShopId SHOP = new ShopId(UUID.fromString("5b0a7c43-8f3e-4c59-9d1b-2f6f1b0e7a11"));
    private static WireMockServer google;

    private final CredentialVault vault = mock(CredentialVault.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private ShopSyncLock lock = (shopId, work) -> {
        work.run();
        return true;
    };
    private ReviewSync sync;

    @BeforeAll
    static void startGoogle() {
        google = new WireMockServer(options().dynamicPort());
        google.start();
    }

    @AfterAll
    static void stopGoogle() {
        google.stop();
    }

    @BeforeEach
    void setUp() {
        google.resetAll();
        when(vault.reveal("cred-1")).thenReturn("refresh-1");
        GoogleFake.tokenEndpoint(google, "access-1");
        GoogleFake.reviewPages(google,
                "{\"reviews\":[" + review("r-ko", "김민지", false, "FIVE", "정말 친절하고 꼼꼼해요!", null) + ","
                        + review("r-anon", "A Google User", true, "TWO", "Waited 40 minutes.", "We are sorry!") + "],"
                        + "\"nextPageToken\":\"page-2\"}",
                "{\"reviews\":["
                        + review("r-tr", "Kim", false, "FOUR", "(Translated by Google) Great cut\n\n(Original)\n커트 최고", null)
                        + "," + review("r-stars", "Lee", false, "THREE", null, null)
                        + "," + review("r-odd", "Park", false, "STAR_RATING_UNSPECIFIED", "?", null) + "]}");
        sync = newSync();
    }

    @AfterEach
    void tearDown() {
        sync.destroy();
    }

    private ReviewSync newSync() {
        GoogleProperties properties = new GoogleProperties(google.baseUrl(), google.baseUrl() + "/token", "c", "s",
                Duration.ofSeconds(1), Duration.ofSeconds(2), 2, Duration.ofMillis(10), Duration.ofSeconds(1));
        GoogleReviews reviews = new GoogleReviews(new GoogleBusinessClient(properties), vault);
        return new ReviewSync(reviews, commands, queries, (shopId, work) -> lock.runExclusively(shopId, work),
                new SyncProperties(true, null, null, 2));
    }

    /** Every command sent signals {@code sending}, then waits until {@code release} (at most 5 s). */
    private void commandsWaitFor(CountDownLatch sending, CountDownLatch release) {
        doAnswer(invocation -> {
            sending.countDown();
            release.await(5, TimeUnit.SECONDS);
            return null;
        }).when(commands).sendAndWait(any());
    }

    private static ShopView shop(String locale) {
        return new ShopView(SHOP, "살롱 드 서울", "Asia/Seoul", locale, UUID.randomUUID(), ReplySettings.defaults(),
                new ShopView.GoogleConnection(GoogleFake.ACCOUNT, GoogleFake.LOCATION, "cred-1",
                        Instant.parse("2026-11-01T00:00:00Z")), "FREE", null);
    }

    @Test
    void everyGoogleReviewBecomesASyncReviewAndTheRunIsRecorded() {
        SyncOutcome outcome = sync.sync(shop("ko"));

        assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.SYNCED);
        assertThat(outcome.reviewsSeen()).isEqualTo(5);
        assertThat(outcome.rejected()).isEqualTo(1);
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, times(5)).sendAndWait(sent.capture());
        List<Object> commandsSent = sent.getAllValues();
        assertThat(commandsSent.get(4)).isEqualTo(new RecordReviewSync(SHOP, 5)); // after every review's command
        // the reviews' commands go out several at a time, so in no particular order
        Map<String, SyncReview> byExternalId = commandsSent.subList(0, 4).stream().map(SyncReview.class::cast)
                .collect(Collectors.toMap(SyncReview::externalId, command -> command));
        assertThat(byExternalId).containsOnlyKeys("r-ko", "r-anon", "r-tr", "r-stars");

        SyncReview korean = byExternalId.get("r-ko");
        assertThat(korean.reviewId()).isEqualTo(ReviewId.derive(SHOP, ReviewSource.GOOGLE, "r-ko"));
        assertThat(korean.shopId()).isEqualTo(SHOP);
        assertThat(korean.source()).isEqualTo(ReviewSource.GOOGLE);
        assertThat(korean.externalId()).isEqualTo("r-ko");
        assertThat(korean.author()).isEqualTo("김민지");
        assertThat(korean.rating()).isEqualTo(5);
        assertThat(korean.comment()).isEqualTo("정말 친절하고 꼼꼼해요!");
        assertThat(korean.language()).isEqualTo("ko");
        assertThat(korean.createdAt()).isEqualTo(Instant.parse("2026-11-20T01:02:03.456Z"));
        assertThat(korean.updatedAt()).isEqualTo(Instant.parse("2026-11-21T01:02:03Z"));
        assertThat(korean.sourceReply()).isNull();

        SyncReview anonymous = byExternalId.get("r-anon");
        assertThat(anonymous.author()).isEqualTo("Google user");
        assertThat(anonymous.rating()).isEqualTo(2);
        assertThat(anonymous.language()).isEqualTo("en");
        assertThat(anonymous.sourceReply()).isEqualTo(new SourceReply("We are sorry!", Instant.parse("2026-11-22T00:00:00Z")));

        SyncReview translated = byExternalId.get("r-tr");
        assertThat(translated.comment()).isEqualTo("(Translated by Google) Great cut\n\n(Original)\n커트 최고");
        assertThat(translated.language()).isEqualTo("ko");

        SyncReview starsOnly = byExternalId.get("r-stars");
        assertThat(starsOnly.comment()).isEmpty();
        assertThat(starsOnly.language()).isEqualTo("ko"); // the shop's language
    }

    @Test
    void syncingTheSameReviewsAgainAddressesTheSameAggregates() {
        sync.sync(shop("ko"));
        sync.sync(shop("ko"));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, times(10)).sendAndWait(sent.capture());
        List<Object> first = sent.getAllValues().subList(0, 5);
        List<Object> second = sent.getAllValues().subList(5, 10);
        assertThat(second).containsExactlyInAnyOrderElementsOf(first); // the same commands: the same aggregates
    }

    @Test
    void reviewsTheReadSideAlreadyShowsAsGoogleDoesAreNotSentAgain() {
        readSideKnows(
                known("r-ko", 5, "정말 친절하고 꼼꼼해요!", ReviewStatus.NEW, null),             // unchanged
                known("r-anon", 2, "Waited 40 minutes.", ReviewStatus.PUBLISHED, " We are sorry!"), // our reply is there
                known("r-tr", 3, "(Translated by Google) Great cut\n\n(Original)\n커트 최고",    // stars changed
                        ReviewStatus.DRAFTED, "draft"));
        // r-stars is not known to the read side yet

        SyncOutcome outcome = sync.sync(shop("ko"));

        assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.SYNCED);
        assertThat(outcome.reviewsSeen()).isEqualTo(5);
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, times(3)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues().subList(0, 2)).extracting(command -> ((SyncReview) command).externalId())
                .containsExactlyInAnyOrder("r-tr", "r-stars");
        assertThat(sent.getAllValues().get(2)).isEqualTo(new RecordReviewSync(SHOP, 5));
    }

    @Test
    void aReplyAtGoogleIsSentUnlessTheReadSideShowsItPublishedOrFoundThere() {
        // the same text as a draft is no proof that Google's reply is ours: the aggregate must see it
        readSideKnows(known("r-anon", 2, "Waited 40 minutes.", ReviewStatus.DRAFTED, "We are sorry!"),
                known("r-ko", 5, "정말 친절하고 꼼꼼해요!", ReviewStatus.NEW, null),
                known("r-tr", 4, "(Translated by Google) Great cut\n\n(Original)\n커트 최고", ReviewStatus.NEW, null),
                known("r-stars", 3, "", ReviewStatus.NEW, null));

        sync.sync(shop("ko"));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, times(2)).sendAndWait(sent.capture());
        assertThat(((SyncReview) sent.getAllValues().get(0)).externalId()).isEqualTo("r-anon");

        assertThat(ReviewSync.unchanged(known("r-anon", 2, "Waited 40 minutes.", ReviewStatus.REPLIED_ELSEWHERE,
                "We are sorry!"), (SyncReview) sent.getAllValues().get(0))).isTrue();
    }

    private void readSideKnows(SyncedReviews.Known... reviews) {
        when(queries.query(any(FetchSyncedReviews.class), org.mockito.ArgumentMatchers.eq(SyncedReviews.class)))
                .thenReturn(CompletableFuture.completedFuture(new SyncedReviews(List.of(reviews))));
    }

    private static SyncedReviews.Known known(String externalId, int rating, String comment, ReviewStatus status,
                                             String replyText) {
        return new SyncedReviews.Known(ReviewId.derive(SHOP, ReviewSource.GOOGLE, externalId), rating, comment, status,
                replyText);
    }

    @Test
    void aShopLockedByAnotherNodeIsNotSynced() {
        lock = (shopId, work) -> false;

        SyncOutcome outcome = sync.sync(shop("ko"));

        assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.ALREADY_RUNNING);
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void twoSyncsOfOneShopNeverOverlapOnOneNode() throws Exception {
        CountDownLatch firstIsSending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        commandsWaitFor(firstIsSending, release);

        CompletableFuture<SyncOutcome> first = sync.submit(shop("ko"));
        assertThat(firstIsSending.await(5, TimeUnit.SECONDS)).isTrue();
        SyncOutcome second = sync.sync(shop("ko"));
        release.countDown();

        assertThat(second.status()).isEqualTo(SyncOutcome.Status.ALREADY_RUNNING);
        assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(SyncOutcome.Status.SYNCED);
    }

    @Test
    void aSyncAskedForWhileOneRunsIsNotLostButRunsRightAfter() throws Exception {
        doReturn(CompletableFuture.completedFuture(shop("ko"))).when(queries)
                .query(any(FindShop.class), any(ResponseType.class));
        CountDownLatch firstIsSending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        commandsWaitFor(firstIsSending, release);

        CompletableFuture<SyncOutcome> first = sync.syncNow(SHOP);
        assertThat(firstIsSending.await(5, TimeUnit.SECONDS)).isTrue();
        SyncOutcome asked = sync.syncNow(SHOP).get(5, TimeUnit.SECONDS);
        SyncOutcome askedAgain = sync.syncNow(SHOP).get(5, TimeUnit.SECONDS);
        release.countDown();

        assertThat(asked.status()).isEqualTo(SyncOutcome.Status.QUEUED);
        assertThat(askedAgain.status()).isEqualTo(SyncOutcome.Status.QUEUED);
        assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(SyncOutcome.Status.SYNCED);
        // the two requests made meanwhile are served by one more sync, right after the first
        verify(commands, timeout(5_000).times(2)).sendAndWait(new RecordReviewSync(SHOP, 5));
        Thread.sleep(300);
        verify(commands, times(2)).sendAndWait(new RecordReviewSync(SHOP, 5));
    }

    @Test
    void aSyncAskedForOnAnotherNodeWhileOneRunsIsNotLostButRunsRightAfter() throws Exception {
        ShopId shopId = ShopId.random(); // its own advisory lock and note, whatever else used the database
        ShopView shop = new ShopView(shopId, "살롱 드 서울", "Asia/Seoul", "ko", UUID.randomUUID(),
                ReplySettings.defaults(), shop("ko").google(), "FREE", null);
        doReturn(CompletableFuture.completedFuture(shop)).when(queries).query(any(FindShop.class), any(ResponseType.class));
        CommandGateway commandsOfB = mock(CommandGateway.class);
        GoogleProperties properties = new GoogleProperties(google.baseUrl(), google.baseUrl() + "/token", "c", "s",
                Duration.ofSeconds(1), Duration.ofSeconds(2), 2, Duration.ofMillis(10), Duration.ofSeconds(1));
        ReviewSync nodeA = new ReviewSync(new GoogleReviews(new GoogleBusinessClient(properties), vault), commands,
                queries, new PgAdvisoryShopSyncLock(Postgres.dataSource()), new SyncProperties(true, null, null, 2));
        ReviewSync nodeB = new ReviewSync(new GoogleReviews(new GoogleBusinessClient(properties), vault), commandsOfB,
                queries, new PgAdvisoryShopSyncLock(Postgres.dataSource()), new SyncProperties(true, null, null, 2));
        try {
            CountDownLatch aIsSending = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            commandsWaitFor(aIsSending, release);

            CompletableFuture<SyncOutcome> first = nodeA.syncNow(shopId);
            assertThat(aIsSending.await(5, TimeUnit.SECONDS)).isTrue();
            SyncOutcome askedOnB = nodeB.syncNow(shopId).get(5, TimeUnit.SECONDS);
            release.countDown();

            assertThat(askedOnB.status()).isEqualTo(SyncOutcome.Status.QUEUED);
            assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(SyncOutcome.Status.SYNCED);
            // node A reads B's note once it released the lock and syncs once more; B itself did nothing
            verify(commands, timeout(5_000).times(2)).sendAndWait(new RecordReviewSync(shopId, 5));
            Thread.sleep(300);
            verify(commands, times(2)).sendAndWait(new RecordReviewSync(shopId, 5));
            verify(commandsOfB, never()).sendAndWait(any());
            assertThat(new PgAdvisoryShopSyncLock(Postgres.dataSource()).isPending(shopId)).isFalse();
        } finally {
            nodeA.destroy();
            nodeB.destroy();
        }
    }

    @Test
    void syncNowLooksTheShopUpAndRunsInTheBackground() throws Exception {
        doReturn(CompletableFuture.completedFuture(shop("ko"))).when(queries)
                .query(any(FindShop.class), any(ResponseType.class));

        SyncOutcome outcome = sync.syncNow(SHOP).get(5, TimeUnit.SECONDS);

        assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.SYNCED);
        verify(commands).sendAndWait(new RecordReviewSync(SHOP, 5));
    }

    @Test
    void aShopWithoutGoogleIsNotSynced() throws Exception {
        ShopView unconnected = new ShopView(SHOP, "n", "Asia/Seoul", "ko", UUID.randomUUID(),
                ReplySettings.defaults(), null, "FREE", null);
        doReturn(CompletableFuture.completedFuture(unconnected)).when(queries)
                .query(any(FindShop.class), any(ResponseType.class));

        assertThat(sync.syncNow(SHOP).get(5, TimeUnit.SECONDS).status()).isEqualTo(SyncOutcome.Status.NOT_CONNECTED);
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aRevokedAuthorizationFailsTheRunWithoutRecordingIt() {
        google.stubFor(post(urlPathEqualTo("/token")).willReturn(json(400, "{\"error\":\"invalid_grant\"}")));

        SyncOutcome outcome = sync.sync(shop("ko"));

        assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.FAILED);
        assertThat(outcome.detail()).contains("Reconnect Google").doesNotContain("refresh-1");
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void eachPageIsSyncedAsGoogleServesItSoAFailureOnALaterPageKeepsTheEarlierOnes() {
        google.stubFor(get(urlPathEqualTo(GoogleFake.REVIEWS_PATH)).withQueryParam("pageToken", equalTo("page-2"))
                .willReturn(json(500, "{\"error\":{\"code\":500,\"status\":\"INTERNAL\"}}")));

        SyncOutcome outcome = sync.sync(shop("ko"));

        assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.FAILED);
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, times(2)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues()).map(command -> ((SyncReview) command).externalId())
                .containsExactlyInAnyOrder("r-ko", "r-anon"); // the first page's, and no RecordReviewSync
    }

    @Test
    void aListingThatStartsOverWithANewAccessTokenSendsEachReviewOnce() {
        // Google refuses the access token once, on the second page: the listing starts again from the first
        google.stubFor(get(urlPathEqualTo(GoogleFake.REVIEWS_PATH)).withQueryParam("pageToken", equalTo("page-2"))
                .inScenario("expired").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(401, "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}"))
                .willSetStateTo("refreshed"));

        SyncOutcome outcome = sync.sync(shop("ko"));

        assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.SYNCED);
        assertThat(outcome.reviewsSeen()).isEqualTo(5);
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, times(5)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues().subList(0, 4)).map(command -> ((SyncReview) command).externalId())
                .containsExactlyInAnyOrder("r-ko", "r-anon", "r-tr", "r-stars");
        assertThat(sent.getAllValues().get(4)).isEqualTo(new RecordReviewSync(SHOP, 5));
        assertThat(google.findAll(getRequestedFor(urlPathEqualTo(GoogleFake.REVIEWS_PATH)))).hasSize(4);
    }
}
