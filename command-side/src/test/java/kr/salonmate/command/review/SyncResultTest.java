package kr.salonmate.command.review;

import static kr.salonmate.command.review.ReviewStory.*;

import kr.salonmate.messages.review.SyncResult;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sync answers what it did, so that an import can count new, changed and unchanged reviews exactly. */
class SyncResultTest {

    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = reviewFixture();
    }

    @Test
    void aNewReviewAnswersReceived() {
        fixture.givenNoPriorActivity()
               .when(syncAsWritten())
               .expectEvents(received())
               .expectResultMessagePayload(SyncResult.RECEIVED);
    }

    @Test
    void aChangedCommentAnswersEdited() {
        fixture.given(received())
               .when(syncShowing(RATING, "생각보다 별로였어요"))
               .expectEvents(editedAtSource(RATING, "생각보다 별로였어요"))
               .expectResultMessagePayload(SyncResult.EDITED);
    }

    @Test
    void aChangedRatingAnswersEdited() {
        fixture.given(received())
               .when(syncShowing(3, COMMENT))
               .expectResultMessagePayload(SyncResult.EDITED);
    }

    @Test
    void theSameReviewAgainAnswersUnchanged() {
        fixture.given(received(), drafted("감사합니다!"))
               .when(syncAsWritten())
               .expectNoEvents()
               .expectResultMessagePayload(SyncResult.UNCHANGED);
    }

    @Test
    void aReplyFoundAtTheSourceDoesNotMakeTheReviewItselfChanged() {
        fixture.given(received())
               .when(syncShowingReply("사장님 답글입니다"))
               .expectEvents(foundAtSource("사장님 답글입니다"))
               .expectResultMessagePayload(SyncResult.UNCHANGED);
    }
}
