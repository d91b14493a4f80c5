package kr.salonmate.messages.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;

/**
 * A post as the API shows it (the API adds a signed URL to each photo). {@code version} is the aggregate version
 * to pass as expectedVersion; {@code failure} is the last failed caption draft or publication, or null.
 */
public record PostView(PostId id, ShopId shopId, List<UUID> mediaIds, String brief, String caption,
                       List<String> hashtags, PostStatus status, Instant scheduledAt, Instant publishedAt,
                       String instagramMediaId, String permalink, Failure failure, Instant createdAt, long version) {

    public PostView {
        mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    }

    public record Failure(String code, String message, Instant at, int attempts) {
    }
}
