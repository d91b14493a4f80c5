package kr.salonmate.query.post;

import java.util.function.Consumer;
import kr.salonmate.messages.post.CaptionDraftFailed;
import kr.salonmate.messages.post.CaptionDraftRequested;
import kr.salonmate.messages.post.CaptionDrafted;
import kr.salonmate.messages.post.CaptionEdited;
import kr.salonmate.messages.post.FindPost;
import kr.salonmate.messages.post.InstagramContainerCreated;
import kr.salonmate.messages.post.PostCancelled;
import kr.salonmate.messages.post.PostCreated;
import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.post.PostPublishFailed;
import kr.salonmate.messages.post.PostPublished;
import kr.salonmate.messages.post.PostPublishingStarted;
import kr.salonmate.messages.post.PostScheduled;
import kr.salonmate.messages.post.WatchShopPosts;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The posts: one row per post, kept in step with every post event. After each change the new {@code PostView}
 * goes to the shop's {@link WatchShopPosts} subscribers (Axon sends it after the commit). An event at or below the
 * row's version has been applied already and changes nothing.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
@ProcessingGroup(PostProjection.GROUP)
public class PostProjection {

    public static final String GROUP = "posts";

    private final PostRows rows;
    private final QueryUpdateEmitter emitter;

    PostProjection(PostRows rows, QueryUpdateEmitter emitter) {
        this.rows = rows;
        this.emitter = emitter;
    }

    @EventHandler
    void on(PostCreated e, @SequenceNumber long sequence) {
        if (rows.findById(e.postId().value()).isPresent()) {
            return;
        }
        emit(rows.save(PostRow.created(e, sequence)));
    }

    @EventHandler
    void on(CaptionDraftRequested e, @SequenceNumber long sequence) {
        change(e.postId(), sequence, row -> row.draftRequested(e));
    }

    @EventHandler
    void on(CaptionDrafted e, @SequenceNumber long sequence) {
        change(e.postId(), sequence, row -> row.drafted(e));
    }

    @EventHandler
    void on(CaptionDraftFailed e, @SequenceNumber long sequence) {
        change(e.postId(), sequence, row -> row.draftFailed(e));
    }

    @EventHandler
    void on(CaptionEdited e, @SequenceNumber long sequence) {
        change(e.postId(), sequence, row -> row.edited(e));
    }

    @EventHandler
    void on(PostScheduled e, @SequenceNumber long sequence) {
        change(e.postId(), sequence, row -> row.scheduled(e));
    }

    @EventHandler
    void on(PostPublishingStarted e, @SequenceNumber long sequence) {
        change(e.postId(), sequence, row -> row.publishingStarted(e));
    }

    @EventHandler
    void on(InstagramContainerCreated e, @SequenceNumber long sequence) {
        change(e.postId(), sequence, row -> row.noted(e));
    }

    @EventHandler
    void on(PostPublished e, @SequenceNumber long sequence) {
        change(e.postId(), sequence, row -> row.published(e));
    }

    @EventHandler
    void on(PostPublishFailed e, @SequenceNumber long sequence) {
        change(e.postId(), sequence, row -> row.publishFailed(e));
    }

    @EventHandler
    void on(PostCancelled e, @SequenceNumber long sequence) {
        change(e.postId(), sequence, row -> row.cancelled(e));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    private void change(PostId postId, long sequence, Consumer<PostRow> change) {
        PostRow row = rows.findById(postId.value()).orElseThrow(() -> new IllegalStateException(
                "Post " + postId + " is not in the posts read model: its event " + sequence
                        + " came before PostCreated"));
        if (row.hasSeen(sequence)) {
            return;
        }
        change.accept(row);
        row.advanceTo(sequence);
        emit(row);
    }

    private void emit(PostRow row) {
        var shopId = row.shopId();
        var view = row.toView();
        emitter.emit(WatchShopPosts.class, query -> query.shopId().equals(shopId), view);
        // a command endpoint waits on this one post to answer with what its command did (api's ReadModels)
        emitter.emit(FindPost.class, query -> query.postId().equals(view.id()), view);
    }
}
