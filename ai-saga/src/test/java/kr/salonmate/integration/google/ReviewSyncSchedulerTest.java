package kr.salonmate.integration.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import kr.salonmate.messages.shop.FindGoogleConnectedShops;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

class ReviewSyncSchedulerTest {

    private final ReviewSync sync = mock(ReviewSync.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private final ReviewSyncScheduler scheduler = new ReviewSyncScheduler(sync, queries, SyncProperties.defaults());

    @Test
    void aSweepQueuesEveryConnectedShopEvenWhenOneFails() {
        ShopView first = shop();
        ShopView second = shop();
        doReturn(CompletableFuture.completedFuture(List.of(first, second))).when(queries)
                .query(any(FindGoogleConnectedShops.class), any(ResponseType.class));
        when(sync.submit(first)).thenThrow(new IllegalStateException("boom"));

        int queued = scheduler.sweep();

        assertThat(queued).isEqualTo(1);
        verify(sync).submit(second);
    }

    @Test
    void aSweepSurvivesAnUnreachableReadSide() {
        doReturn(CompletableFuture.failedFuture(new IllegalStateException("no query handler"))).when(queries)
                .query(any(FindGoogleConnectedShops.class), any(ResponseType.class));

        assertThat(scheduler.sweep()).isZero();
    }

    @Test
    void theScheduleCanBeSwitchedOff() {
        ReviewSyncScheduler off = new ReviewSyncScheduler(sync, queries, new SyncProperties(false, null, null, 1));

        off.start();

        assertThat(off.isRunning()).isFalse();
    }

    private static ShopView shop() {
        return new ShopView(ShopId.random(), "n", "Asia/Seoul", "ko", UUID.randomUUID(), ReplySettings.defaults(),
                new ShopView.GoogleConnection("a", "l", "c", Instant.EPOCH), "FREE", null);
    }
}
