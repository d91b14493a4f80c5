package kr.salonmate.integration.google;

import kr.salonmate.messages.shop.ShopId;

/**
 * How one sync of one shop ended.
 *
 * @param reviewsSeen reviews Google returned (each became a SyncReview)
 * @param rejected    of those, SyncReview commands that failed
 * @param detail      why it failed or was skipped (no secrets), else null
 */
public record SyncOutcome(ShopId shopId, Status status, int reviewsSeen, int rejected, String detail) {

    public enum Status {
        /** Google was read and every review was sent on. */
        SYNCED,
        /** Another sync of this shop was running (a scheduled sync, which the next sweep repeats); this one did nothing. */
        ALREADY_RUNNING,
        /** A sync of this shop is running (on this node or another); it runs once more right after it. */
        QUEUED,
        /** The shop has no Google location (or is unknown). */
        NOT_CONNECTED,
        /** This node has too many syncs queued; the next sweep will do it. */
        BUSY,
        /** Google or the read side failed; logged. */
        FAILED
    }

    static SyncOutcome of(ShopId shopId, Status status, String detail) {
        return new SyncOutcome(shopId, status, 0, 0, detail);
    }
}
