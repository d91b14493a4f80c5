package kr.salonmate.saga.shop;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kr.salonmate.messages.shop.FindGoogleConnectedShops;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;

/** The shop queries this module asks (answered by query-side, wherever it runs). */
public final class ShopLookup {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String KNOWN_SHOPS = ShopLookup.class.getName() + ".knownShops";

    private ShopLookup() {
    }

    /**
     * The shop, or null when the read side does not know it (yet). Within one unit of work (a processor's batch of
     * events) a shop is asked for once: a batch of a big sync holds many reviews of one shop, and each would
     * otherwise ask again (docs/benchmarks.md, "Ingest"). A shop the read side does not know is not remembered.
     */
    public static ShopView find(QueryGateway queries, ShopId shopId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return ask(queries, shopId);
        }
        Map<ShopId, ShopView> known = CurrentUnitOfWork.get().root()
                .getOrComputeResource(KNOWN_SHOPS, key -> new HashMap<ShopId, ShopView>());
        ShopView shop = known.get(shopId);
        if (shop == null) {
            shop = ask(queries, shopId);
            if (shop != null) {
                known.put(shopId, shop);
            }
        }
        return shop;
    }

    /**
     * The shop, which the caller cannot do without: {@link ShopNotReadable} when the read side does not know it
     * (yet) — a saga treats that like any transient failure and tries again later.
     */
    public static ShopView require(QueryGateway queries, ShopId shopId) {
        ShopView shop = find(queries, shopId);
        if (shop == null) {
            throw new ShopNotReadable(shopId);
        }
        return shop;
    }

    private static ShopView ask(QueryGateway queries, ShopId shopId) {
        return await(queries.query(new FindShop(shopId), ResponseTypes.instanceOf(ShopView.class)));
    }

    /** Every shop with a Google location connected. */
    public static List<ShopView> googleConnected(QueryGateway queries) {
        List<ShopView> shops = await(queries.query(new FindGoogleConnectedShops(),
                ResponseTypes.multipleInstancesOf(ShopView.class)));
        return shops == null ? List.of() : shops;
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopLookupFailed("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ShopLookupFailed(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ShopLookupFailed("no answer within " + TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** The read side answered, but does not know the shop (yet): it may be a moment behind the event at hand. */
    public static class ShopNotReadable extends IllegalStateException {
        public ShopNotReadable(ShopId shopId) {
            super("shop " + shopId + " is not known to the read side (yet)");
        }
    }

    /** The read side could not be asked (not reachable, failed, too slow). Transient. */
    public static class ShopLookupFailed extends RuntimeException {
        public ShopLookupFailed(String message, Throwable cause) {
            super("Shop lookup failed: " + message, cause);
        }
    }
}
