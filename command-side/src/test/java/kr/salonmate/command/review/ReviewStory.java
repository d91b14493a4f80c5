package kr.salonmate.command.review;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyDraftFailed;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.ReplyEdited;
import kr.salonmate.messages.review.ReplyFoundAtSource;
import kr.salonmate.messages.review.ReplyPublishFailed;
import kr.salonmate.messages.review.ReplyPublishRetried;
import kr.salonmate.messages.review.ReplyPublished;
import kr.salonmate.messages.review.ReplyRejected;
import kr.salonmate.messages.review.ReviewEditedAtSource;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SourceReply;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.review.TokenUsage;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * One review's story in small steps, so that tests read as the specification: {@code given(received(),
 * drafted("감사합니다!"), approved("감사합니다!"))}. Every event happens {@link #NOW} by {@link #CLOCK}.
 */
final class ReviewStory {

    static final Instant NOW = Instant.parse("2026-11-27T03:15:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final ShopId SHOP = ShopId.of("7d4f2c1e-0b9a-4f6e-9c33-1a2b3c4d5e6f");
    static final ReviewSource SOURCE = ReviewSource.GOOGLE;
    static final String EXTERNAL_ID = "AbFvOqnX2k";
    static final ReviewId REVIEW = ReviewId.derive(SHOP, SOURCE, EXTERNAL_ID);

    static final String AUTHOR = "이서연";
    static final int RATING = 5;
    static final String COMMENT = "커트가 정말 마음에 들어요. 또 올게요!";
    static final String LANGUAGE = "ko";
    static final Instant WRITTEN = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant CHANGED_AT_SOURCE = Instant.parse("2026-11-27T01:00:00Z");

    static final Actor STAFF = Actor.user(UUID.fromString("11111111-1111-1111-1111-111111111111"), "박스태프");
    static final Actor MANAGER = Actor.user(UUID.fromString("22222222-2222-2222-2222-222222222222"), "김매니저");
    static final Actor SYSTEM = Actor.system();

    static final UUID FIRST_REQUEST = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    static final UUID SECOND_REQUEST = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000002");
    static final UUID FIRST_APPROVAL = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000001");
    static final UUID SECOND_APPROVAL = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002");

    static final String MODEL = "gpt-4o";
    static final String PROMPT_VERSION = "reply-v3";
    static final TokenUsage TOKENS = new TokenUsage(420, 80);

    private ReviewStory() {
    }

    /**
     * A fixture on {@link Review} with time fixed at {@link #NOW}. Ids the aggregate makes up itself (draft
     * requests, approvals) are random and left out of event comparisons; tests about them check them directly.
     */
    static FixtureConfiguration<Review> reviewFixture() {
        FixtureConfiguration<Review> fixture = new AggregateTestFixture<>(Review.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerIgnoredField(ReplyDraftRequested.class, "draftRequestId");
        fixture.registerIgnoredField(ReplyApproved.class, "approvalId");
        fixture.registerIgnoredField(ReplyPublishRetried.class, "approvalId");
        return fixture;
    }

    // --- what the source shows --------------------------------------------------------------------------

    static SyncReview syncAsWritten() {
        return syncShowing(RATING, COMMENT, null);
    }

    static SyncReview syncShowing(int rating, String comment) {
        return syncShowing(rating, comment, null);
    }

    static SyncReview syncShowingReply(String replyText) {
        return syncShowing(RATING, COMMENT, new SourceReply(replyText, CHANGED_AT_SOURCE));
    }

    static SyncReview syncShowing(int rating, String comment, SourceReply reply) {
        return new SyncReview(REVIEW, SHOP, SOURCE, EXTERNAL_ID, AUTHOR, rating, comment, LANGUAGE, WRITTEN,
                CHANGED_AT_SOURCE, reply);
    }

    // --- what happened --------------------------------------------------------------------------------------

    static ReviewReceived received() {
        return new ReviewReceived(REVIEW, SHOP, SOURCE, EXTERNAL_ID, AUTHOR, RATING, COMMENT, LANGUAGE, WRITTEN,
                CHANGED_AT_SOURCE, NOW);
    }

    static ReviewEditedAtSource editedAtSource(int rating, String comment) {
        return new ReviewEditedAtSource(REVIEW, SHOP, rating, comment, LANGUAGE, RATING, COMMENT, CHANGED_AT_SOURCE,
                NOW);
    }

    static ReplyFoundAtSource foundAtSource(String text) {
        return new ReplyFoundAtSource(REVIEW, SHOP, text, CHANGED_AT_SOURCE, NOW);
    }

    static ReplyDraftRequested draftRequested(UUID request) {
        return draftRequested(request, null, SYSTEM);
    }

    static ReplyDraftRequested draftRequested(UUID request, String instruction, Actor by) {
        return new ReplyDraftRequested(REVIEW, SHOP, request, instruction, by, AUTHOR, RATING, COMMENT, LANGUAGE,
                NOW);
    }

    static ReplyDrafted drafted(String text) {
        return drafted(FIRST_REQUEST, text);
    }

    static ReplyDrafted drafted(UUID request, String text) {
        return new ReplyDrafted(REVIEW, SHOP, request, text, MODEL, PROMPT_VERSION, TOKENS, RATING, NOW);
    }

    static ReplyDraftFailed draftFailed(UUID request) {
        return new ReplyDraftFailed(REVIEW, SHOP, request, "model timed out", 3, NOW);
    }

    static ReplyEdited edited(String text, String previousText) {
        return edited(text, previousText, STAFF);
    }

    static ReplyEdited edited(String text, String previousText, Actor by) {
        return new ReplyEdited(REVIEW, SHOP, text, previousText, by, NOW);
    }

    static ReplyApproved approved(String text) {
        return approved(FIRST_APPROVAL, text);
    }

    static ReplyApproved approved(UUID approval, String text) {
        return new ReplyApproved(REVIEW, SHOP, approval, SOURCE, EXTERNAL_ID, text, MANAGER, NOW);
    }

    static ReplyRejected rejected(String reason) {
        return new ReplyRejected(REVIEW, SHOP, reason, MANAGER, NOW);
    }

    static ReplyPublished published(String text) {
        return published(FIRST_APPROVAL, text);
    }

    static ReplyPublished published(UUID approval, String text) {
        return new ReplyPublished(REVIEW, SHOP, approval, SOURCE, EXTERNAL_ID, text, NOW);
    }

    static ReplyPublishFailed publishFailed() {
        return publishFailed(FIRST_APPROVAL);
    }

    static ReplyPublishFailed publishFailed(UUID approval) {
        return new ReplyPublishFailed(REVIEW, SHOP, approval, "UPSTREAM_UNAVAILABLE", "Google answered 503", 5, NOW);
    }

    static ReplyPublishRetried retried(UUID approval, String text) {
        return new ReplyPublishRetried(REVIEW, SHOP, approval, SOURCE, EXTERNAL_ID, text, MANAGER, NOW);
    }
}
