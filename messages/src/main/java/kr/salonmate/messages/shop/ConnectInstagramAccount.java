package kr.salonmate.messages.shop;

import kr.salonmate.messages.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Connect the shop to an Instagram professional account. The access token never travels in a message: it is
 * already stored encrypted and {@code credentialRef} names that record.
 */
public record ConnectInstagramAccount(@TargetAggregateIdentifier ShopId shopId, String igUserId, String credentialRef,
                                      Actor connectedBy) {
}
