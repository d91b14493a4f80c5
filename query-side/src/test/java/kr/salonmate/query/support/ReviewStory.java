package kr.salonmate.query.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.common.Actor;
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
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.TokenUsage;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * The events of one review, as its aggregate would emit them: each call is the next event, with the next
 * sequence number and the review's current state (draft text, approval, rating) filled in. Time moves one
 * minute per event unless set with {@link #at(Instant)}.
 */
public final class ReviewStory {

    public static final String MODEL = "gpt-4o";
    public static final Actor OWNER = Actor.user(UUID.fromString("00000000-0000-0000-0000-00000000000a"), "김사장");
    public static final Actor MANAGER = Actor.user(UUID.fromString("00000000-0000-0000-0000-00000000000b"), "Lee");

    private final ShopId shopId;
    private final ReviewSource source;
    private final String externalId;
    private final ReviewId reviewId;
    private long sequence;
    private Instant now = Instant.parse("2026-11-01T00:00:00Z");
    private int rating;
    private String comment;
    private String text;
    private UUID draftRequestId;
    private UUID approvalId;

    private ReviewStory(ShopId shopId, ReviewSource source, String externalId) {
        this.shopId = shopId;
        this.source = source;
        this.externalId = externalId;
        this.reviewId = ReviewId.derive(shopId, source, externalId);
    }

    public static ReviewStory google(ShopId shopId, String externalId) {
        return new ReviewStory(shopId, ReviewSource.GOOGLE, externalId);
    }

    public static ReviewStory naver(ShopId shopId, String externalId) {
        return new ReviewStory(shopId, ReviewSource.NAVER, externalId);
    }

    public ReviewId id() {
        return reviewId;
    }

    public ShopId shopId() {
        return shopId;
    }

    /** The next events happen at {@code instant} (and one minute apart after it). */
    public ReviewStory at(Instant instant) {
        now = instant;
        return this;
    }

    public DomainEventMessage<?> received(int rating, String author, String comment) {
        this.rating = rating;
        this.comment = comment;
        Instant createdAt = now;
        return next(new ReviewReceived(reviewId, shopId, source, externalId, author, rating, comment, "ko",
                createdAt, createdAt, tick()));
    }

    public DomainEventMessage<?> editedAtSource(int newRating, String newComment) {
        ReviewEditedAtSource e = new ReviewEditedAtSource(reviewId, shopId, newRating, newComment, "ko", rating,
                comment, now, tick());
        rating = newRating;
        comment = newComment;
        return next(e);
    }

    public DomainEventMessage<?> draftRequested(String instruction, Actor by) {
        draftRequestId = UUID.randomUUID();
        return next(new ReplyDraftRequested(reviewId, shopId, draftRequestId, instruction, by, "author", rating,
                comment, "ko", tick()));
    }

    public DomainEventMessage<?> drafted(String draft) {
        text = draft;
        return next(new ReplyDrafted(reviewId, shopId, draftRequestId, draft, MODEL, "v3", new TokenUsage(120, 45),
                rating, tick()));
    }

    public DomainEventMessage<?> draftFailed(String reason) {
        return next(new ReplyDraftFailed(reviewId, shopId, draftRequestId, reason, 3, tick()));
    }

    public DomainEventMessage<?> edited(String newText, Actor by) {
        ReplyEdited e = new ReplyEdited(reviewId, shopId, newText, text, by, tick());
        text = newText;
        return next(e);
    }

    /** The reviewer's name and text were erased (API.md "Privacy"). */
    public DomainEventMessage<?> erased(Actor by) {
        return next(new ReviewPersonalDataErased(reviewId, shopId, rating, by, tick()));
    }

    public DomainEventMessage<?> approved(Actor by) {
        return approved(text, by);
    }

    public DomainEventMessage<?> approved(String approvedText, Actor by) {
        text = approvedText;
        approvalId = UUID.randomUUID();
        return next(new ReplyApproved(reviewId, shopId, approvalId, source, externalId, approvedText, by, tick()));
    }

    public DomainEventMessage<?> rejected(String reason, Actor by) {
        return next(new ReplyRejected(reviewId, shopId, reason, by, tick()));
    }

    public DomainEventMessage<?> published() {
        return next(new ReplyPublished(reviewId, shopId, approvalId, source, externalId, text, tick()));
    }

    public DomainEventMessage<?> postedManually(Actor by) {
        return next(new ReplyPostedManually(reviewId, shopId, approvalId, source, externalId, text, by, tick()));
    }

    public DomainEventMessage<?> publishFailed(String code, String message) {
        return next(new ReplyPublishFailed(reviewId, shopId, approvalId, code, message, 5, tick()));
    }

    public DomainEventMessage<?> publishRetried(Actor by) {
        approvalId = UUID.randomUUID();
        return next(new ReplyPublishRetried(reviewId, shopId, approvalId, source, externalId, text, by, tick()));
    }

    public DomainEventMessage<?> foundAtSource(String sourceText) {
        text = sourceText;
        return next(new ReplyFoundAtSource(reviewId, shopId, sourceText, now, tick()));
    }

    private Instant tick() {
        Instant at = now;
        now = now.plus(Duration.ofMinutes(1));
        return at;
    }

    private DomainEventMessage<?> next(Object event) {
        return new GenericDomainEventMessage<>("Review", reviewId.toString(), sequence++, event);
    }
}
