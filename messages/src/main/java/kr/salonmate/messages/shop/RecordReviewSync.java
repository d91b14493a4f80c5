package kr.salonmate.messages.shop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A sync run against the review source finished; {@code reviewsSeen} reviews were looked at. */
public record RecordReviewSync(@TargetAggregateIdentifier ShopId shopId, int reviewsSeen) {
}
