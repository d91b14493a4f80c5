package kr.salonmate.saga.review;

import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.ApproveReply;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.SagaModuleEnabled;
import kr.salonmate.saga.shop.ShopLookup;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the owner turned on auto-publish ({@code autoPublishMinRating}), an AI draft for a review rated at least
 * that is approved by the system, with exactly the drafted text. The approval names the draft's version
 * (the {@code ReplyDrafted} event's sequence number) as {@code expectedVersion}: if anyone edited, rejected or
 * re-drafted the reply in between, the aggregate refuses and a human decides. Refusals are ignored.
 */
@Component
@ProcessingGroup("auto-publish")
@DisallowReplay
@SagaModuleEnabled
public class AutoPublishPolicy {

    private static final Logger log = LoggerFactory.getLogger(AutoPublishPolicy.class);

    private final CommandGateway commands;
    private final QueryGateway queries;

    public AutoPublishPolicy(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @EventHandler
    public void on(ReplyDrafted drafted, @SequenceNumber long version) {
        ShopView shop = ShopLookup.find(queries, drafted.shopId());
        if (shop == null || shop.replySettings() == null) {
            return;
        }
        Integer minRating = shop.replySettings().autoPublishMinRating();
        if (minRating == null || drafted.rating() < minRating) {
            return;
        }
        try {
            commands.sendAndWait(new ApproveReply(drafted.reviewId(), drafted.text(), Actor.system(), version));
            log.info("Auto-approved the draft of review {} ({} stars, shop threshold {})", drafted.reviewId(),
                    drafted.rating(), minRating);
        } catch (RuntimeException e) {
            if (!Dispatch.isRejectionOrRemoteFailure(e)) {
                throw e;
            }
            log.debug("Draft of review {} not auto-approved: {}", drafted.reviewId(), e.getMessage());
        }
    }
}
