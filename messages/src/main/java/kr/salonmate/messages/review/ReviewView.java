package kr.salonmate.messages.review;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.ShopId;

/** A review as the API shows it. {@code version} is the aggregate version to pass as expectedVersion. */
public record ReviewView(ReviewId id, ShopId shopId, ReviewSource source, String externalId, String author,
                         int rating, String comment, String language, Instant createdAt, Instant updatedAt,
                         ReviewStatus status, Reply reply, long version) {

    /**
     * @param manual          the source has no reply API (Naver): once approved, a person pastes the text there and
     *                        says so ({@code …/reply/posted}); SalonMate never sends it anywhere
     * @param autoPublishHold why auto-publish left this draft for a person although the rating reaches the shop's
     *                        threshold; null when it did not (or the draft was since edited or decided on)
     */
    public record Reply(String text, ReplyOrigin origin, String model, Instant draftedAt, Person approvedBy,
                        Instant approvedAt, Instant publishedAt, Failure failure, boolean manual,
                        AutoPublishHold autoPublishHold) {
    }

    public record Person(UUID userId, String name) {
    }

    public record Failure(String code, String message, Instant at, int attempts) {
    }
}
