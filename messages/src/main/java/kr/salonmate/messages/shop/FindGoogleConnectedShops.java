package kr.salonmate.messages.shop;

/** → list of {@link ShopView}: every shop with a Google location connected (what the sync scheduler walks). */
public record FindGoogleConnectedShops() {
}
