package kr.salonmate.api.post;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request bodies of the post endpoints. */
public final class PostRequests {

    private PostRequests() {
    }

    public record CreatePostBody(@NotNull @Size(min = 1, max = 10, message = "must name 1 to 10 photos")
                                 List<@NotNull UUID> mediaIds,
                                 @Size(max = 1000) String brief) {
    }

    public record EditPostBody(@NotNull @Size(max = 2200) String caption,
                               @NotNull @Size(max = 30, message = "must be at most 30") List<@NotNull @Size(max = 101) String> hashtags,
                               @PositiveOrZero Long expectedVersion) {
    }

    /** {@code at}: an ISO-8601 instant with offset ({@code 2026-12-01T10:00:00+09:00}); absent: now. */
    public record PublishBody(OffsetDateTime at) {
    }

    public record RedraftBody(@Size(max = 1000) String brief) {
    }
}
