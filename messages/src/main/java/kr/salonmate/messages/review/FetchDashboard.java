package kr.salonmate.messages.review;

import kr.salonmate.messages.shop.ShopId;

/** → {@link DashboardView}. Also used as a subscription query: each update is the whole new dashboard. */
public record FetchDashboard(ShopId shopId) {
}
