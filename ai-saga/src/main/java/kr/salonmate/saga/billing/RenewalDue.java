package kr.salonmate.saga.billing;

/** The payload of {@link SubscriptionRenewal}'s deadline. */
public record RenewalDue(String orderId) {
}
