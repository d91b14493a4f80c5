package kr.salonmate.command.review;

import static kr.salonmate.command.review.ReviewStory.*;

import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.privacy.SubjectKind;
import kr.salonmate.messages.review.EraseReviewPersonalData;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.RequestReplyDraft;
import kr.salonmate.messages.review.ReviewEditedAtSource;
import kr.salonmate.messages.review.ReviewPersonalDataErased;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A reviewer's name and text can be forgotten; the review, its rating and the shop's reply stay. */
class PersonalDataErasureTest {

    private static final Actor OWNER = Actor.user(UUID.fromString("33333333-3333-3333-3333-333333333333"), "최사장");

    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = reviewFixture();
    }

    @Test
    void erasingARecordsWhoErasedItAndKeepsTheRating() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(new EraseReviewPersonalData(REVIEW, OWNER))
               .expectEvents(new ReviewPersonalDataErased(REVIEW, SHOP, RATING, OWNER, NOW));
    }

    @Test
    void erasingTwiceChangesNothing() {
        fixture.given(received(), new ReviewPersonalDataErased(REVIEW, SHOP, RATING, OWNER, NOW))
               .when(new EraseReviewPersonalData(REVIEW, OWNER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void theSourcesCopyOfAnErasedTextIsNotTakenInAgain() {
        fixture.given(received(), new ReviewPersonalDataErased(REVIEW, SHOP, RATING, OWNER, NOW))
               .when(syncShowing(RATING, COMMENT))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aRatingChangedAtTheSourceAfterErasureIsStillAnEditWithoutText() {
        fixture.given(received(), new ReviewPersonalDataErased(REVIEW, SHOP, RATING, OWNER, NOW))
               .when(syncShowing(2, COMMENT))
               .expectEvents(new ReviewEditedAtSource(REVIEW, SHOP, 2, SubjectKind.ERASED_TEXT, LANGUAGE, RATING,
                       SubjectKind.ERASED_TEXT, CHANGED_AT_SOURCE, NOW));
    }

    @Test
    void aDraftAskedForAfterErasureNoLongerCarriesTheReviewersNameOrText() {
        fixture.given(received(), new ReviewPersonalDataErased(REVIEW, SHOP, RATING, OWNER, NOW))
               .when(new RequestReplyDraft(REVIEW, null, STAFF))
               .expectEvents(new ReplyDraftRequested(REVIEW, SHOP, FIRST_REQUEST, null, STAFF,
                       SubjectKind.ERASED_AUTHOR, RATING, SubjectKind.ERASED_TEXT, LANGUAGE, NOW));
    }
}
