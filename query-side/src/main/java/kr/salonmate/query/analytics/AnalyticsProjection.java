package kr.salonmate.query.analytics;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import kr.salonmate.messages.privacy.SubjectKind;
import kr.salonmate.messages.review.ReviewPersonalDataErased;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyDraftFailed;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.ReplyEdited;
import kr.salonmate.messages.review.ReplyFoundAtSource;
import kr.salonmate.messages.review.ReplyPublishFailed;
import kr.salonmate.messages.review.ReplyPublishRetried;
import kr.salonmate.messages.review.ReplyPostedManually;
import kr.salonmate.messages.review.ReplyPublished;
import kr.salonmate.messages.review.ReplyRejected;
import kr.salonmate.messages.review.ReviewEditedAtSource;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopRegistered;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Review analytics per shop and day, in the shop's time zone: reviews, ratings, replies and response times, what
 * became of AI drafts, sentiment and keywords. A review counts on the day it was written. The projection keeps one
 * row per review with what it currently counts as; when it changes (an edit at the source, a reply) the row is
 * rewritten, and {@link AnalyticsQueries} sums the rows of a range when asked (ADR 39).
 *
 * <p>Built for replay: events only change an in-memory {@link AnalyticsBatch} attached to the processor's unit
 * of work, which is written in one set-based statement when the batch commits (with the token, in the same
 * transaction). Each review keeps the sequence number of its last event applied, so a redelivered event changes
 * nothing. Events are sequenced per shop (see {@link #SEQUENCING}), so a shop's registration, which brings its
 * time zone, is handled before its reviews even with several segments, and one shop's rows have one writer.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
@ProcessingGroup(AnalyticsProjection.GROUP)
public class AnalyticsProjection {

    public static final String GROUP = "analytics";
    /** The zone of a shop whose registration analytics has not seen (the product's default). */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Seoul");

    /**
     * All events of one shop in order: every event this projection handles names its shop. An event whose payload
     * cannot be read gets a sequence of its own: it then fails in its handler and is dead-lettered, instead of
     * failing here, before the dead-letter queue could take it, and holding up the processor.
     */
    public static final SequencingPolicy<EventMessage<?>> SEQUENCING = event -> {
        ShopId shop;
        try {
            shop = shopOf(event.getPayload());
        } catch (RuntimeException unreadable) {
            return event.getIdentifier();
        }
        return shop != null ? shop.value() : event.getIdentifier();
    };

    /**
     * The personal data this projection reads, by event type: a review's text, for its keywords and sentiment. Its
     * events are decoded with only these opened (QuerySideModule#ANALYTICS_DECODER): the other personal values
     * they carry (the reviewer's name, the names of the people who edited or approved a reply) stay sealed, and were
     * two thirds of a replay's decryptions. A handler that comes to read another personal value names it here.
     */
    public static final Map<Class<?>, Set<String>> PERSONAL_DATA_READ = Map.of(
            ReviewReceived.class, Set.of("comment"),
            ReviewEditedAtSource.class, Set.of("comment"));

    private static final String BATCH = AnalyticsBatch.class.getName();

    private final AnalyticsStore store;
    private final Map<UUID, ZoneId> zones = new ConcurrentHashMap<>();

    AnalyticsProjection(AnalyticsStore store) {
        this.store = store;
    }

    @EventHandler
    void on(ShopRegistered e) {
        ZoneId zone = zone(e.timezone());
        batch().zone(e.shopId().value(), zone);
        zones.put(e.shopId().value(), zone);
    }

    @EventHandler
    void on(ReviewReceived e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        AnalyticsBatch batch = batch();
        ReviewFacts before = batch.review(e.reviewId().value());
        if (before != null) {
            return; // received already
        }
        Instant written = e.createdAt() != null ? e.createdAt() : e.receivedAt();
        UUID shop = e.shopId().value();
        batch.replace(ReviewFacts.received(e.reviewId().value(), shop,
                written.atZone(zoneOf(batch, shop)).toLocalDate(), written, e.rating(),
                batch.text(eventId, () -> ReviewText.analyse(e.rating(), e.comment())), sequence));
    }

    @EventHandler
    void on(ReviewEditedAtSource e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        AnalyticsBatch batch = batch();
        change(e.reviewId(), sequence, r -> r.rewritten(e.rating(),
                batch.text(eventId, () -> ReviewText.analyse(e.rating(), e.comment())), sequence));
    }

    /** The erased text no longer counts towards keywords (nor sentiment); the rating still does. */
    @EventHandler
    void on(ReviewPersonalDataErased e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        AnalyticsBatch batch = batch();
        change(e.reviewId(), sequence, r -> r.rewritten(r.rating(),
                batch.text(eventId, () -> ReviewText.analyse(r.rating(), SubjectKind.ERASED_TEXT)), sequence));
    }

    @EventHandler
    void on(ReplyFoundAtSource e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, r -> r.repliedAtSource(sequence));
    }

    @EventHandler
    void on(ReplyDrafted e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, r -> r.drafted(sequence));
    }

    @EventHandler
    void on(ReplyEdited e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, r -> r.edited(sequence));
    }

    @EventHandler
    void on(ReplyApproved e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, r -> r.approved(sequence));
    }

    @EventHandler
    void on(ReplyPublished e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, r -> r.published(e.at(), sequence));
    }

    /** A Naver reply pasted by hand is a reply like any other: it counts for reply rate and response time. */
    @EventHandler
    void on(ReplyPostedManually e, @SequenceNumber long sequence) {
        change(e.reviewId(), sequence, r -> r.published(e.at(), sequence));
    }

    @ResetHandler
    void reset() {
        store.clear();
        zones.clear();
    }

    /**
     * Applies an event to a review analytics knows. An event for a review it never saw received (its
     * {@code ReviewReceived} was dead-lettered by another projection, say) has nothing to count against.
     */
    private void change(ReviewId reviewId, long sequence, UnaryOperator<ReviewFacts> change) {
        AnalyticsBatch batch = batch();
        ReviewFacts before = batch.review(reviewId.value());
        if (before == null || before.version() >= sequence) {
            return;
        }
        batch.replace(change.apply(before));
    }

    private ZoneId zoneOf(AnalyticsBatch batch, UUID shopId) {
        ZoneId inBatch = batch.zoneOf(shopId);
        if (inBatch != null) {
            return inBatch;
        }
        return zones.computeIfAbsent(shopId, id -> store.zoneOf(id).orElse(DEFAULT_ZONE));
    }

    /**
     * The batch of the unit of work this event is handled in, created on its first event and written just before
     * the unit of work commits. Outside a unit of work (a direct call) every event is its own batch.
     */
    private AnalyticsBatch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("Analytics events are handled in a unit of work");
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            AnalyticsBatch batch = new AnalyticsBatch(reviewsNamedIn(unitOfWork), store::reviews,
                    textsOf(unitOfWork), isReplay(unitOfWork));
            unitOfWork.onPrepareCommit(u -> store.flush(batch));
            return batch;
        });
    }

    /**
     * Reading review texts (Nori) and the events themselves (JSON) is most of a replay's work: a batch does both
     * for all its events up front, on the caller's thread and the common fork-join pool together. The handlers
     * then find each text's analysis ready.
     */
    private static Map<String, ReviewText.Analysis> textsOf(UnitOfWork<?> unitOfWork) {
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.getMessages().size() < 2) {
            return Map.of();
        }
        Map<String, ReviewText.Analysis> texts = new ConcurrentHashMap<>();
        batch.getMessages().parallelStream().forEach(message -> {
            try {
                if (message instanceof EventMessage<?> event) {
                    Object payload = event.getPayload();
                    if (payload instanceof ReviewReceived e) {
                        texts.put(event.getIdentifier(), ReviewText.analyse(e.rating(), e.comment()));
                    } else if (payload instanceof ReviewEditedAtSource e) {
                        texts.put(event.getIdentifier(), ReviewText.analyse(e.rating(), e.comment()));
                    }
                }
            } catch (RuntimeException unreadable) {
                // this event's own handling will meet the problem, and only that event is dead-lettered
            }
        });
        return texts;
    }

    /** A batch of a replay: its events were handled before the tokens were reset (Axon's {@link ReplayToken}). */
    private static boolean isReplay(UnitOfWork<?> unitOfWork) {
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages().stream().anyMatch(AnalyticsProjection::isReplay);
        }
        return isReplay(unitOfWork.getMessage());
    }

    private static boolean isReplay(Object message) {
        return message instanceof TrackedEventMessage<?> event && ReplayToken.isReplay(event.trackingToken());
    }

    private static List<UUID> reviewsNamedIn(UnitOfWork<?> unitOfWork) {
        List<UUID> ids = new ArrayList<>();
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch) {
            for (Object message : batch.getMessages()) {
                ReviewId id = message instanceof EventMessage<?> event ? reviewOfOrNull(event) : null;
                if (id != null) {
                    ids.add(id.value());
                }
            }
        } else if (unitOfWork.getMessage() instanceof EventMessage<?> event && reviewOfOrNull(event) != null) {
            ids.add(reviewOfOrNull(event).value());
        }
        return ids;
    }

    /** A payload that cannot be read is left to its own handling, where only that event fails. */
    private static ReviewId reviewOfOrNull(EventMessage<?> event) {
        try {
            return reviewOf(event.getPayload());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }

    private static ReviewId reviewOf(Object payload) {
        if (payload instanceof ReviewReceived e) {
            return e.reviewId();
        } else if (payload instanceof ReviewPersonalDataErased e) {
            return e.reviewId();
        } else if (payload instanceof ReviewEditedAtSource e) {
            return e.reviewId();
        } else if (payload instanceof ReplyFoundAtSource e) {
            return e.reviewId();
        } else if (payload instanceof ReplyDrafted e) {
            return e.reviewId();
        } else if (payload instanceof ReplyEdited e) {
            return e.reviewId();
        } else if (payload instanceof ReplyApproved e) {
            return e.reviewId();
        } else if (payload instanceof ReplyPublished e) {
            return e.reviewId();
        } else if (payload instanceof ReplyPostedManually e) {
            return e.reviewId();
        }
        return null;
    }

    private static ShopId shopOf(Object payload) {
        if (payload instanceof ShopRegistered e) {
            return e.shopId();
        } else if (payload instanceof ReviewReceived e) {
            return e.shopId();
        } else if (payload instanceof ReviewPersonalDataErased e) {
            return e.shopId();
        } else if (payload instanceof ReviewEditedAtSource e) {
            return e.shopId();
        } else if (payload instanceof ReplyFoundAtSource e) {
            return e.shopId();
        } else if (payload instanceof ReplyDraftRequested e) {
            return e.shopId();
        } else if (payload instanceof ReplyDrafted e) {
            return e.shopId();
        } else if (payload instanceof ReplyDraftFailed e) {
            return e.shopId();
        } else if (payload instanceof ReplyEdited e) {
            return e.shopId();
        } else if (payload instanceof ReplyApproved e) {
            return e.shopId();
        } else if (payload instanceof ReplyRejected e) {
            return e.shopId();
        } else if (payload instanceof ReplyPublished e) {
            return e.shopId();
        } else if (payload instanceof ReplyPostedManually e) {
            return e.shopId();
        } else if (payload instanceof ReplyPublishFailed e) {
            return e.shopId();
        } else if (payload instanceof ReplyPublishRetried e) {
            return e.shopId();
        }
        return null;
    }
}
