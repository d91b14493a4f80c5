package kr.salonmate.messages.review;

import java.time.Instant;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The review as the source shows it now. Creates the review when it is new, records an edit when its text
 * or rating changed, records a reply written outside SalonMate, and otherwise changes nothing.
 *
 * @param sourceReply the reply Google shows, or null
 */
public record SyncReview(@TargetAggregateIdentifier ReviewId reviewId, ShopId shopId, ReviewSource source,
                         String externalId, String author, int rating, String comment, String language,
                         Instant createdAt, Instant updatedAt, SourceReply sourceReply) {
}
