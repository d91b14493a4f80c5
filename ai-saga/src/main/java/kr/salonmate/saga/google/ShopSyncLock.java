package kr.salonmate.saga.google;

import kr.salonmate.messages.shop.ShopId;

/** Keeps two nodes from syncing the same shop at the same time. */
@FunctionalInterface
public interface ShopSyncLock {

    /**
     * Runs {@code work} while holding the shop's lock.
     *
     * @return false, without running it, when someone else holds the lock
     */
    boolean runExclusively(ShopId shopId, Runnable work);
}
