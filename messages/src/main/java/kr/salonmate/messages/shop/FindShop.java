package kr.salonmate.messages.shop;

/** → {@link ShopView}, or no result when the shop does not exist. */
public record FindShop(ShopId shopId) {
}
