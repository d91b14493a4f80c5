package kr.salonmate.command.review;

import static kr.salonmate.command.review.ReviewStory.*;

import kr.salonmate.messages.review.AutoPublishHeld;
import kr.salonmate.messages.review.AutoPublishHold;
import kr.salonmate.messages.review.RecordAutoPublishHold;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Auto-publish holding a draft back is noted on the review, once, and only while that draft is the one waiting:
 * the owner sees why it waits, and a reason about a draft that was replaced, edited or decided on is dropped.
 */
class AutoPublishHoldTest {

    private static final String TEXT = "감사합니다! 예약은 https://salon.example 에서";

    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = reviewFixture();
    }

    @Test
    void theReasonADraftWaitsIsRecorded() {
        fixture.given(received(), draftRequested(FIRST_REQUEST), drafted(FIRST_REQUEST, TEXT))
               .when(new RecordAutoPublishHold(REVIEW, FIRST_REQUEST, AutoPublishHold.CONTAINS_LINK))
               .expectEvents(new AutoPublishHeld(REVIEW, SHOP, FIRST_REQUEST, AutoPublishHold.CONTAINS_LINK, NOW));
    }

    @Test
    void theSameDraftIsHeldBackOnlyOnce() {
        fixture.given(received(), draftRequested(FIRST_REQUEST), drafted(FIRST_REQUEST, TEXT),
                      new AutoPublishHeld(REVIEW, SHOP, FIRST_REQUEST, AutoPublishHold.CONTAINS_LINK, NOW))
               .when(new RecordAutoPublishHold(REVIEW, FIRST_REQUEST, AutoPublishHold.CONTAINS_LINK))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aNewDraftCanBeHeldBackForItsOwnReason() {
        fixture.given(received(), draftRequested(FIRST_REQUEST), drafted(FIRST_REQUEST, TEXT),
                      new AutoPublishHeld(REVIEW, SHOP, FIRST_REQUEST, AutoPublishHold.CONTAINS_LINK, NOW),
                      draftRequested(SECOND_REQUEST, "더 짧게", STAFF), drafted(SECOND_REQUEST, "감사합니다!"))
               .when(new RecordAutoPublishHold(REVIEW, SECOND_REQUEST, AutoPublishHold.REQUESTED_BY_PERSON))
               .expectEvents(new AutoPublishHeld(REVIEW, SHOP, SECOND_REQUEST, AutoPublishHold.REQUESTED_BY_PERSON,
                       NOW));
    }

    @Test
    void aReasonAboutADraftThatWasReplacedIsDropped() {
        fixture.given(received(), draftRequested(FIRST_REQUEST), drafted(FIRST_REQUEST, TEXT),
                      draftRequested(SECOND_REQUEST), drafted(SECOND_REQUEST, "감사합니다!"))
               .when(new RecordAutoPublishHold(REVIEW, FIRST_REQUEST, AutoPublishHold.CONTAINS_LINK))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aReasonAboutADraftSomeoneEditedOrApprovedMeanwhileIsDropped() {
        fixture.given(received(), draftRequested(FIRST_REQUEST), drafted(FIRST_REQUEST, TEXT),
                      edited("감사합니다!", TEXT))
               .when(new RecordAutoPublishHold(REVIEW, FIRST_REQUEST, AutoPublishHold.CONTAINS_LINK))
               .expectNoEvents();
        fixture.given(received(), draftRequested(FIRST_REQUEST), drafted(FIRST_REQUEST, TEXT), approved(TEXT))
               .when(new RecordAutoPublishHold(REVIEW, FIRST_REQUEST, AutoPublishHold.CONTAINS_LINK))
               .expectNoEvents();
    }
}
