package kr.salonmate.query.similar;

import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.ReplyEdited;
import kr.salonmate.messages.review.ReplyFoundAtSource;
import kr.salonmate.messages.review.ReplyPostedManually;
import kr.salonmate.messages.review.ReplyPublishRetried;
import kr.salonmate.messages.review.ReplyPublished;
import kr.salonmate.messages.review.ReviewEditedAtSource;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The similarity read model: each review's text embedded when it arrives or is edited at the source, and its
 * reply's state — published or not, and whether a person wrote or changed it (the shop's own voice). A replay
 * rebuilds it, and re-embeds with the model configured now. Writes are conditional on the review's sequence
 * number, so a redelivered event changes nothing.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
@ProcessingGroup(SimilarityProjection.GROUP)
public class SimilarityProjection {

    public static final String GROUP = "review-similarity";

    private final SimilarityStore store;
    private final TextEmbedder embedder;

    SimilarityProjection(SimilarityStore store, TextEmbedder embedder) {
        this.store = store;
        this.embedder = embedder;
    }

    @EventHandler
    void on(ReviewReceived e, @SequenceNumber long sequence) {
        store.received(e.reviewId().value(), e.shopId().value(), sequence, embedder.model(), embedder.embed(e.comment()));
    }

    @EventHandler
    void on(ReviewEditedAtSource e, @SequenceNumber long sequence) {
        store.textChanged(e.reviewId().value(), sequence, embedder.model(), embedder.embed(e.comment()));
    }

    @EventHandler
    void on(ReplyDrafted e, @SequenceNumber long sequence) {
        store.reply(e.reviewId().value(), sequence, e.text(), false);
    }

    @EventHandler
    void on(ReplyEdited e, @SequenceNumber long sequence) {
        store.reply(e.reviewId().value(), sequence, e.text(), true);
    }

    /** Approving another text than the draft comes with its own ReplyEdited first; here only the text is known. */
    @EventHandler
    void on(ReplyApproved e, @SequenceNumber long sequence) {
        store.seen(e.reviewId().value(), sequence);
    }

    @EventHandler
    void on(ReplyPublished e, @SequenceNumber long sequence) {
        store.published(e.reviewId().value(), sequence, e.text(), false);
    }

    @EventHandler
    void on(ReplyPostedManually e, @SequenceNumber long sequence) {
        store.published(e.reviewId().value(), sequence, e.text(), false);
    }

    @EventHandler
    void on(ReplyPublishRetried e, @SequenceNumber long sequence) {
        store.seen(e.reviewId().value(), sequence);
    }

    /** A reply written at the source (Google) was written there by a person: the shop's voice, published. */
    @EventHandler
    void on(ReplyFoundAtSource e, @SequenceNumber long sequence) {
        store.published(e.reviewId().value(), sequence, e.text(), true);
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }
}
