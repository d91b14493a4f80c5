package kr.salonmate.messages.billing;

import kr.salonmate.messages.shop.ShopId;

/** Answers a {@link BillingView}, or null while the shop has no billing events yet. */
public record FetchBilling(ShopId shopId) {
}
