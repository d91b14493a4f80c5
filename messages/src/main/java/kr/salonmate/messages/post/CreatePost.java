package kr.salonmate.messages.post;

import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new post of 1 to 10 uploaded photos (more than one: a carousel), with an optional brief for the caption. */
public record CreatePost(@TargetAggregateIdentifier PostId postId, ShopId shopId, List<UUID> mediaIds, String brief,
                         Actor createdBy) {
}
