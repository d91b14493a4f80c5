package kr.salonmate.messages.review;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The reviewer's name and text are to be forgotten (API.md "Privacy"); the history and the shop's replies stay. */
public record EraseReviewPersonalData(@TargetAggregateIdentifier ReviewId reviewId, Actor erasedBy) {
}
