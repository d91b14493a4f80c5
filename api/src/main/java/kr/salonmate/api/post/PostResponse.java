package kr.salonmate.api.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.salonmate.api.media.MediaLinks;
import kr.salonmate.messages.post.PostStatus;
import kr.salonmate.messages.post.PostView;

/** The Post of the API: each photo with a signed link to its JPEG rendition. */
public record PostResponse(String id, String shopId, List<Media> media, String brief, String caption,
                           List<String> hashtags, PostStatus status, Instant scheduledAt, Instant publishedAt,
                           String instagramMediaId, String permalink, PostView.Failure failure, long version) {

    public record Media(UUID id, String url) {
    }

    public static PostResponse of(PostView view, MediaLinks links) {
        return new PostResponse(view.id().toString(), view.shopId().toString(),
                view.mediaIds().stream().map(id -> new Media(id, links.url(id))).toList(), view.brief(),
                view.caption(), view.hashtags(), view.status(), view.scheduledAt(), view.publishedAt(),
                view.instagramMediaId(), view.permalink(), view.failure(), view.version());
    }
}
