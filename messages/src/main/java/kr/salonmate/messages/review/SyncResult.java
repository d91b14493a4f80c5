package kr.salonmate.messages.review;

/**
 * What one {@link SyncReview} did to its review, as its command handler answers: an import counts these to tell
 * the owner exactly how many reviews were new, changed and unchanged.
 */
public enum SyncResult {
    /** The review was new: {@code ReviewReceived}. */
    RECEIVED,
    /** Its rating or text changed at the source: {@code ReviewEditedAtSource}. */
    EDITED,
    /** Nothing about the review itself changed (a reply found at the source may still have been recorded). */
    UNCHANGED
}
