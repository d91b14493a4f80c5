package kr.salonmate.command.review;

import static kr.salonmate.command.Violations.invalid;
import static kr.salonmate.command.review.ReviewStory.*;
import static org.assertj.core.api.Assertions.assertThat;

import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.ReviewStatus;
import kr.salonmate.messages.review.SourceReply;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The review as Google (or a Naver import) shows it, synced again and again. */
class ReviewSyncTest {

    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = reviewFixture();
    }

    @Test
    void aReviewSeenForTheFirstTimeIsReceivedAsNew() {
        fixture.givenNoPriorActivity()
               .when(syncAsWritten())
               .expectEvents(received())
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.NEW));
    }

    @Test
    void aNewReviewThatAlreadyHasAReplyAtTheSourceIsRepliedElsewhere() {
        fixture.givenNoPriorActivity()
               .when(syncShowingReply("사장님 답글입니다"))
               .expectEvents(received(), foundAtSource("사장님 답글입니다"))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.REPLIED_ELSEWHERE));
    }

    @Test
    void syncingAnUnchangedReviewAgainChangesNothing() {
        fixture.given(received())
               .when(syncAsWritten())
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aRatingChangedAtTheSourceIsAnEditOfTheReview() {
        fixture.given(received())
               .when(syncShowing(2, COMMENT))
               .expectEvents(editedAtSource(2, COMMENT));
    }

    @Test
    void aCommentChangedAtTheSourceIsAnEditOfTheReview() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(syncShowing(RATING, "다시 생각해보니 별로였어요"))
               .expectEvents(editedAtSource(RATING, "다시 생각해보니 별로였어요"));
    }

    @Test
    void anEditedReviewIsComparedWithItsLatestVersion() {
        fixture.given(received(), editedAtSource(2, "별로였어요"))
               .when(syncShowing(2, "별로였어요"))
               .expectNoEvents();
    }

    @Test
    void aReplyWrittenAtTheSourceIsRecordedAndTheReviewIsRepliedElsewhere() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(syncShowingReply("사장님이 직접 쓴 답글"))
               .expectEvents(foundAtSource("사장님이 직접 쓴 답글"))
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.REPLIED_ELSEWHERE));
    }

    @Test
    void anEditAndAForeignReplyInOneSyncAreBothRecorded() {
        fixture.given(received())
               .when(syncShowing(4, "좋았어요", new SourceReply("감사합니다 고객님", CHANGED_AT_SOURCE)))
               .expectEvents(editedAtSource(4, "좋았어요"), foundAtSource("감사합니다 고객님"));
    }

    @Test
    void aReplyAlreadySeenAtTheSourceIsNotRecordedAgain() {
        fixture.given(received(), foundAtSource("사장님 답글입니다"))
               .when(syncShowingReply("사장님 답글입니다"))
               .expectNoEvents();
    }

    @Test
    void aReplyChangedAtTheSourceIsRecordedAgain() {
        fixture.given(received(), foundAtSource("사장님 답글입니다"))
               .when(syncShowingReply("수정된 사장님 답글"))
               .expectEvents(foundAtSource("수정된 사장님 답글"));
    }

    @Test
    void ourOwnPublishedReplyAtTheSourceIsNotAForeignReply() {
        fixture.given(received(), drafted("감사합니다!"), approved("감사합니다!"), published("감사합니다!"))
               .when(syncShowingReply("감사합니다!"))
               .expectNoEvents();
    }

    @Test
    void ourApprovedReplyAlreadyAtTheSourceWhilePublishingIsNotAForeignReply() {
        fixture.given(received(), drafted("감사합니다!"), approved("감사합니다!"))
               .when(syncShowingReply("감사합니다!"))
               .expectNoEvents()
               .expectState(review -> assertThat(review.status()).isEqualTo(ReviewStatus.APPROVED));
    }

    @Test
    void ourReplyWithItsSurroundingWhitespaceTrimmedByTheSourceIsStillOurs() {
        fixture.given(received(), approved("감사합니다!\n"), published("감사합니다!\n"))
               .when(syncShowingReply("감사합니다!"))
               .expectNoEvents();
    }

    @Test
    void ourReplyThatFailedToPublishButReachedTheSourceIsStillOurs() {
        fixture.given(received(), approved("감사합니다!"), publishFailed())
               .when(syncShowingReply("감사합니다!"))
               .expectNoEvents();
    }

    @Test
    void aForeignReplyReplacingOurPublishedReplyIsRecorded() {
        fixture.given(received(), approved("감사합니다!"), published("감사합니다!"))
               .when(syncShowingReply("사장님이 바꾼 답글"))
               .expectEvents(foundAtSource("사장님이 바꾼 답글"));
    }

    @Test
    void aBlankReplyAtTheSourceIsNoReply() {
        fixture.given(received())
               .when(syncShowingReply("  "))
               .expectNoEvents();
    }

    @Test
    void aRatingAboveFiveIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(syncShowing(6, COMMENT))
               .expectException(invalid("rating"))
               .expectNoEvents();
    }

    @Test
    void aRatingBelowOneIsInvalid() {
        fixture.givenNoPriorActivity()
               .when(syncShowing(0, COMMENT))
               .expectException(invalid("rating"))
               .expectNoEvents();
    }

    @Test
    void aBlankExternalIdIsInvalid() {
        ReviewId id = ReviewId.derive(SHOP, SOURCE, " ");
        fixture.givenNoPriorActivity()
               .when(new SyncReview(id, SHOP, SOURCE, " ", AUTHOR, RATING, COMMENT, LANGUAGE, WRITTEN, WRITTEN, null))
               .expectException(invalid("externalId"));
    }

    @Test
    void aReviewNeedsItsShop() {
        fixture.givenNoPriorActivity()
               .when(new SyncReview(REVIEW, null, SOURCE, EXTERNAL_ID, AUTHOR, RATING, COMMENT, LANGUAGE, WRITTEN,
                       WRITTEN, null))
               .expectException(invalid("shopId"));
    }

    @Test
    void aReviewNeedsItsSource() {
        fixture.givenNoPriorActivity()
               .when(new SyncReview(REVIEW, SHOP, null, EXTERNAL_ID, AUTHOR, RATING, COMMENT, LANGUAGE, WRITTEN,
                       WRITTEN, null))
               .expectException(invalid("source"));
    }

    @Test
    void aReviewIdMustBeDerivedFromTheSourceItCameFrom() {
        ReviewId naverId = ReviewId.derive(SHOP, ReviewSource.NAVER, EXTERNAL_ID);
        fixture.givenNoPriorActivity()
               .when(new SyncReview(naverId, SHOP, SOURCE, EXTERNAL_ID, AUTHOR, RATING, COMMENT, LANGUAGE, WRITTEN,
                       WRITTEN, null))
               .expectException(invalid("reviewId"))
               .expectNoEvents();
    }

    @Test
    void aReviewIdMustBeDerivedFromTheShopItBelongsTo() {
        ReviewId otherShopsId = ReviewId.derive(ShopId.random(), SOURCE, EXTERNAL_ID);
        fixture.givenNoPriorActivity()
               .when(new SyncReview(otherShopsId, SHOP, SOURCE, EXTERNAL_ID, AUTHOR, RATING, COMMENT, LANGUAGE,
                       WRITTEN, WRITTEN, null))
               .expectException(invalid("reviewId"))
               .expectNoEvents();
    }
}
