package kr.salonmate.saga.review;

import java.time.Clock;
import java.time.Instant;

import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.RequestReplyDraft;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.SagaModuleEnabled;
import kr.salonmate.saga.shop.ShopLookup;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A new review gets an AI draft when the shop has {@code autoDraft} on: {@code RequestReplyDraft} by the system.
 * The Review aggregate may refuse (already replied on Google, quota used up); that is fine and ignored. An edit at
 * the source ({@code ReviewEditedAtSource}) asks for nothing. Side effects only: never replayed.
 */
@Component
@ProcessingGroup("auto-draft")
@DisallowReplay
@SagaModuleEnabled
public class AutoDraftPolicy {

    private static final Logger log = LoggerFactory.getLogger(AutoDraftPolicy.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final DraftProperties settings;
    private final Clock clock;

    @Autowired
    public AutoDraftPolicy(CommandGateway commands, QueryGateway queries, DraftProperties settings) {
        this(commands, queries, settings, Clock.systemUTC());
    }

    AutoDraftPolicy(CommandGateway commands, QueryGateway queries, DraftProperties settings, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    @EventHandler
    public void on(ReviewReceived received) {
        if (settings.autoMaxAge() != null && received.createdAt() != null
                && received.createdAt().isBefore(Instant.now(clock).minus(settings.autoMaxAge()))) {
            log.debug("Review {} is older than {}: no automatic draft", received.reviewId(), settings.autoMaxAge());
            return;
        }
        ShopView shop = ShopLookup.find(queries, received.shopId());
        if (shop == null) {
            log.warn("Review {} belongs to shop {} which the read side does not know: no automatic draft",
                    received.reviewId(), received.shopId());
            return;
        }
        ReplySettings replySettings = shop.replySettings() == null ? ReplySettings.defaults() : shop.replySettings();
        if (!replySettings.autoDraft()) {
            return;
        }
        try {
            commands.sendAndWait(new RequestReplyDraft(received.reviewId(), null, Actor.system()));
        } catch (RuntimeException e) {
            if (!Dispatch.isRejectionOrRemoteFailure(e)) {
                throw e; // delivery failed: let the processor try this event again
            }
            log.debug("No automatic draft for review {}: {}", received.reviewId(), e.getMessage());
        }
    }
}
