package kr.salonmate.messages.post;

import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;

/**
 * → {@link MediaUrls}: a public, signed, expiring URL of the JPEG rendition of each photo, in order, as Instagram
 * fetches them. Answered by the application that stores the photos. Fails when a photo is not in that shop.
 */
public record SignMediaUrls(ShopId shopId, List<UUID> mediaIds) {
}
