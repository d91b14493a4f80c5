package kr.salonmate.messages.analytics;

import java.time.LocalDate;
import kr.salonmate.messages.shop.ShopId;

/**
 * → {@link AnalyticsView} of the reviews written from {@code from} to {@code to} (inclusive dates in the shop's
 * time zone), grouped into {@code bucket}s.
 */
public record FetchAnalytics(ShopId shopId, LocalDate from, LocalDate to, AnalyticsBucket bucket) {
}
