package kr.salonmate.messages.review;

/**
 * What an audit entry records. The first group are actions on a review's reply; the second are the shop's plan and
 * payments (those entries have no review).
 */
public enum AuditAction {
    SYNCED, EDITED_AT_SOURCE, REPLIED_AT_SOURCE, DRAFT_REQUESTED, DRAFTED, DRAFT_FAILED, EDITED, APPROVED,
    REJECTED, PUBLISHED, PUBLISH_FAILED, ERASED,

    PLAN_CHANGED, CHARGE_REQUESTED, PAYMENT_SUCCEEDED, PAYMENT_FAILED, RENEWED, PAST_DUE, SUBSCRIPTION_CANCELLED,
    AI_QUOTA_EXHAUSTED, AI_QUOTA_RESTORED;

    /** True for the shop's plan and payment entries, which belong to no review. */
    public boolean isBilling() {
        return ordinal() >= PLAN_CHANGED.ordinal();
    }
}
