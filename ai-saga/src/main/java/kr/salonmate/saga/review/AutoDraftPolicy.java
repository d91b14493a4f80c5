package kr.salonmate.saga.review;

import java.time.Clock;
import java.time.Instant;

import kr.salonmate.messages.billing.AiQuotaRestored;
import kr.salonmate.messages.billing.BillingId;
import kr.salonmate.messages.billing.ReturnAiGeneration;
import kr.salonmate.messages.billing.UseAiGeneration;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.FindReview;
import kr.salonmate.messages.review.RequestReplyDraft;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewStatus;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.SagaModule;
import kr.salonmate.saga.common.Dispatch;
import kr.salonmate.saga.common.DraftProperties;
import kr.salonmate.saga.shop.ShopLookup;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A new review gets an AI draft when the shop has {@code autoDraft} on: {@code RequestReplyDraft} by the system.
 * It takes an AI generation of the shop's quota first; with none left the review stays NEW and waits until
 * {@code AiQuotaRestored} (an upgrade, a renewal, a new month). The Review aggregate may refuse (already replied on
 * Google); that is fine, and the generation is given back. An edit at
 * the source ({@code ReviewEditedAtSource}) asks for nothing. Side effects only: never replayed.
 */
@Component
@ProcessingGroup("auto-draft")
@DisallowReplay
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
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
        draft(shop, received.reviewId(), received.createdAt());
    }

    /**
     * The quota allows again: the reviews that waited are drafted oldest first, each taking its generation; when
     * the quota runs out again on the way, the rest wait again (in the same order, by their creation time).
     */
    @EventHandler
    public void on(AiQuotaRestored restored) {
        ShopView shop = ShopLookup.require(queries, restored.shopId());
        ReplySettings replySettings = shop.replySettings() == null ? ReplySettings.defaults() : shop.replySettings();
        for (ReviewId reviewId : restored.waiting()) {
            ReviewView review = queries.query(new FindReview(restored.shopId(), reviewId),
                    ResponseTypes.optionalInstanceOf(ReviewView.class)).join().orElse(null);
            if (review == null || review.status() != ReviewStatus.NEW || !replySettings.autoDraft()) {
                continue; // drafted on demand meanwhile, replied elsewhere, or the shop turned automatic drafts off
            }
            draft(shop, reviewId, review.createdAt());
        }
    }

    /** Takes the generation first: with none left the review stays NEW and waits ({@code AutoDraftPaused}). */
    private void draft(ShopView shop, ReviewId reviewId, Instant createdAt) {
        BillingId billing = BillingId.of(shop.id());
        try {
            Boolean taken = commands.sendAndWait(new UseAiGeneration(billing, shop.id(), shop.timezone(), "REPLY",
                    reviewId.value(), true, createdAt));
            if (!Boolean.TRUE.equals(taken)) {
                log.info("Review {} waits for an automatic draft: the shop's AI quota is used up", reviewId);
                return;
            }
        } catch (RuntimeException e) {
            if (!Dispatch.isRejectionOrRemoteFailure(e)) {
                throw e;
            }
            log.warn("No automatic draft for review {}: the quota refused ({})", reviewId, e.getMessage());
            return;
        }
        try {
            commands.sendAndWait(new RequestReplyDraft(reviewId, null, Actor.system()));
        } catch (RuntimeException e) {
            if (!Dispatch.isRejectionOrRemoteFailure(e)) {
                throw e; // delivery failed: let the processor try this event again (the generation stays taken)
            }
            log.debug("No automatic draft for review {}: {}", reviewId, e.getMessage());
            try {
                commands.sendAndWait(new ReturnAiGeneration(billing, reviewId.value()));
            } catch (RuntimeException notReturned) {
                log.warn("The generation taken for review {} could not be given back: {}", reviewId,
                        notReturned.toString());
            }
        }
    }
}
