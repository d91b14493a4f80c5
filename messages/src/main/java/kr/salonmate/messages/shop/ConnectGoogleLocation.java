package kr.salonmate.messages.shop;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Connect the shop to one Google Business Profile location. The refresh token itself never travels in a
 * message: it is already stored encrypted and {@code credentialRef} names that record.
 */
public record ConnectGoogleLocation(@TargetAggregateIdentifier ShopId shopId, String accountId, String locationId,
                                    String credentialRef, Actor connectedBy) {
}
