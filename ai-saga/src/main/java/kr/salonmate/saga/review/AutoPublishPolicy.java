package kr.salonmate.saga.review;

import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.common.ActorType;
import kr.salonmate.messages.review.ApproveReply;
import kr.salonmate.messages.review.AutoPublishHold;
import kr.salonmate.messages.review.RecordAutoPublishHold;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.SagaModule;
import kr.salonmate.saga.common.Dispatch;
import kr.salonmate.saga.shop.ShopLookup;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Where the owner turned on auto-publish ({@code autoPublishMinRating}), an AI draft for a review rated at least
 * that is approved by the system, with exactly the drafted text. The approval names the draft's version
 * (the {@code ReplyDrafted} event's sequence number) as {@code expectedVersion}: if anyone edited, rejected or
 * re-drafted the reply in between, the aggregate refuses and a human decides. Refusals are ignored.
 *
 * <p>Only what nobody shaped is published unseen: a draft SalonMate asked for by itself (auto-draft) without an
 * instruction. A draft a person asked for, or one written to an instruction, is that person's to approve; and a
 * draft containing a link, a phone number or an e-mail address (what a prompt injection in the review would aim
 * for) always waits for the owner. Who asked, and how, is read from the review's own events (the request this
 * draft answers); a request that cannot be found counts as not SalonMate's. A draft held back is recorded with its
 * reason ({@code AutoPublishHeld}), so the owner sees why it waits.
 */
@Component
@ProcessingGroup("auto-publish")
@DisallowReplay
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
public class AutoPublishPolicy {

    private static final Logger log = LoggerFactory.getLogger(AutoPublishPolicy.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EventStore events;

    public AutoPublishPolicy(CommandGateway commands, QueryGateway queries, EventStore events) {
        this.commands = commands;
        this.queries = queries;
        this.events = events;
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
        AutoPublishHold held = withheldBecause(drafted, version);
        if (held != null) {
            log.info("Auto-publish withheld the draft of review {} ({} stars): {}; it waits for the owner",
                    drafted.reviewId(), drafted.rating(), held);
            // the owner sees why it waits (the review's reply.autoPublishHold)
            send(new RecordAutoPublishHold(drafted.reviewId(), drafted.draftRequestId(), held), drafted);
            return;
        }
        if (send(new ApproveReply(drafted.reviewId(), drafted.text(), Actor.system(), version), drafted)) {
            log.info("Auto-approved the draft of review {} ({} stars, shop threshold {})", drafted.reviewId(),
                    drafted.rating(), minRating);
        }
    }

    /** Sends the command; false when the review refused it (someone changed the reply meanwhile). */
    private boolean send(Object command, ReplyDrafted drafted) {
        try {
            commands.sendAndWait(command);
            return true;
        } catch (RuntimeException e) {
            if (!Dispatch.isRejectionOrRemoteFailure(e)) {
                throw e;
            }
            log.debug("{} for review {} refused: {}", command.getClass().getSimpleName(), drafted.reviewId(),
                    e.getMessage());
            return false;
        }
    }

    /** Why this draft must wait for a person, or null when SalonMate may publish it. */
    AutoPublishHold withheldBecause(ReplyDrafted drafted, long version) {
        ReplyDraftRequested request = requestAnsweredBy(drafted, version);
        if (request == null) {
            return AutoPublishHold.REQUEST_UNKNOWN;
        }
        if (request.requestedBy() == null || request.requestedBy().type() != ActorType.SYSTEM) {
            return AutoPublishHold.REQUESTED_BY_PERSON;
        }
        if (request.instruction() != null && !request.instruction().isBlank()) {
            return AutoPublishHold.WRITTEN_TO_INSTRUCTION;
        }
        return ContactsAndLinks.holdFor(drafted.text());
    }

    /** The review's request that this draft answers (same draft request id, earlier in the review's events). */
    private ReplyDraftRequested requestAnsweredBy(ReplyDrafted drafted, long version) {
        ReplyDraftRequested found = null;
        // from the first event, not a snapshot: the request may be older than any snapshot
        DomainEventStream stream = events.readEvents(drafted.reviewId().toString(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getSequenceNumber() >= version) {
                break;
            }
            if (event.getPayload() instanceof ReplyDraftRequested request
                    && request.draftRequestId().equals(drafted.draftRequestId())) {
                found = request;
            }
        }
        return found;
    }
}
