package kr.salonmate.messages.review;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.Revision;

/**
 * The approved reply ({@code approvalId}, {@code text}) was posted at the source by hand, by {@code postedBy}.
 * Read models treat it as a publication ({@code PUBLISHED}); unlike {@link ReplyPublished}, which SalonMate itself
 * sends after the source's API accepted the reply, it names the person who did it (docs/decisions/0018).
 */
@Revision("1")
public record ReplyPostedManually(ReviewId reviewId, ShopId shopId, UUID approvalId, ReviewSource source,
                                  String externalId, String text, Actor postedBy, Instant at) {
}
