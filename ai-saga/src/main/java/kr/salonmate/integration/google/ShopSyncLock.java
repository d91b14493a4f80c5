package kr.salonmate.integration.google;

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

    /**
     * Notes that a sync of the shop was asked for while someone else held its lock, so that the holder runs once more
     * when it is done. Without a shared store (one node) there is nobody else to tell: nothing to do.
     */
    default void markPending(ShopId shopId) {
    }

    /** Whether a sync was asked for (and not yet started) since the note was last taken. */
    default boolean isPending(ShopId shopId) {
        return false;
    }

    /** Takes the note away: called by a sync that starts now and so serves whoever asked. */
    default void takePending(ShopId shopId) {
    }
}
