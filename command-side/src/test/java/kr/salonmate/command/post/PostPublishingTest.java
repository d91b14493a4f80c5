package kr.salonmate.command.post;

import static kr.salonmate.command.Violations.invalid;
import static kr.salonmate.command.post.PostStory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import java.time.Duration;
import java.util.List;

import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.post.BeginPostPublishing;
import kr.salonmate.messages.post.MarkPostPublishFailed;
import kr.salonmate.messages.post.MarkPostPublished;
import kr.salonmate.messages.post.PostPublishingStarted;
import kr.salonmate.messages.post.PostScheduled;
import kr.salonmate.messages.post.PostStatus;
import kr.salonmate.messages.post.PublishPost;
import kr.salonmate.messages.post.RecordInstagramContainer;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing now or at a time, and what the publishing saga reports back. */
class PostPublishingTest {

    private FixtureConfiguration<Post> fixture;

    @BeforeEach
    void setUp() {
        fixture = postFixture();
    }

    // --- publish now or later ------------------------------------------------------------------------------

    @Test
    void publishingNowSendsExactlyTheCurrentCaptionAndPhotos() {
        fixture.given(created(), drafted())
               .when(new PublishPost(POST, null, MANAGER))
               .expectEvents(publishing(null))
               .expectState(post -> assertThat(post.status()).isEqualTo(PostStatus.PUBLISHING));
    }

    @Test
    void aTimeInTheFutureSchedulesThePost() {
        fixture.given(created(), drafted())
               .when(new PublishPost(POST, TOMORROW, MANAGER))
               .expectEvents(scheduled(null, TOMORROW))
               .expectState(post -> assertThat(post.status()).isEqualTo(PostStatus.SCHEDULED));
    }

    @Test
    void aTimeThatIsNowPublishesNow() {
        fixture.given(created(), drafted())
               .when(new PublishPost(POST, NOW.minusSeconds(5), MANAGER))
               .expectEvents(publishing(null));
    }

    @Test
    void aPostCannotBeScheduledInThePast() {
        fixture.given(created(), drafted())
               .when(new PublishPost(POST, NOW.minus(Duration.ofHours(1)), MANAGER))
               .expectException(invalid("at"))
               .expectNoEvents();
    }

    @Test
    void aPostCannotBeScheduledMoreThanAYearAhead() {
        fixture.given(created(), drafted())
               .when(new PublishPost(POST, NOW.plus(Duration.ofDays(400)), MANAGER))
               .expectException(invalid("at"));
    }

    @Test
    void aPostCannotBePublishedWhileItsCaptionIsBeingDrafted() {
        fixture.given(created())
               .when(new PublishPost(POST, null, MANAGER))
               .expectException(CaptionStillDrafting.class)
               .expectNoEvents();
    }

    @Test
    void aPostWhoseDraftFailedCanBePublishedWithoutACaption() {
        fixture.given(created(), draftFailed(FIRST_REQUEST))
               .when(new PublishPost(POST, null, MANAGER))
               .expectEvents(publishing(null, "", List.of(), MANAGER));
    }

    @Test
    void aPublishedPostIsNotPublishedAgain() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION), published(FIRST_PUBLICATION))
               .when(new PublishPost(POST, null, MANAGER))
               .expectException(PostAlreadyPublished.class)
               .expectNoEvents();
    }

    @Test
    void aPostBeingPublishedIsNotPublishedTwice() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION))
               .when(new PublishPost(POST, null, MANAGER))
               .expectException(PostIsBeingPublished.class);
    }

    @Test
    void aCancelledPostIsNotPublished() {
        fixture.given(created(), drafted(), cancelled())
               .when(new PublishPost(POST, null, MANAGER))
               .expectException(PostIsCancelled.class);
    }

    @Test
    void aScheduledPostCanBeRescheduledAsANewPublication() {
        fixture.given(created(), drafted(), scheduled(FIRST_PUBLICATION, TOMORROW))
               .when(new PublishPost(POST, TOMORROW.plusSeconds(3600), MANAGER))
               .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(event ->
                       event instanceof PostScheduled s && s.publicationId() != null
                               && !s.publicationId().equals(FIRST_PUBLICATION)))));
    }

    @Test
    void aFailedPublicationCanBePublishedAgain() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION), publishFailed(FIRST_PUBLICATION))
               .when(new PublishPost(POST, null, MANAGER))
               .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(event ->
                       event instanceof PostPublishingStarted s && !s.publicationId().equals(FIRST_PUBLICATION)))));
    }

    // --- the scheduled time comes --------------------------------------------------------------------------

    @Test
    void atTheScheduledTimeTheCurrentCaptionIsPublishedForWhoScheduledIt() {
        fixture.given(created(), drafted(), scheduled(FIRST_PUBLICATION, TOMORROW), edited("수정본", TAGS, CAPTION))
               .when(new BeginPostPublishing(POST, FIRST_PUBLICATION))
               .expectEvents(publishing(FIRST_PUBLICATION, "수정본", TAGS, MANAGER));
    }

    @Test
    void aRescheduledPublicationDoesNotStartAtTheOldTime() {
        fixture.given(created(), drafted(), scheduled(FIRST_PUBLICATION, TOMORROW),
                      scheduled(SECOND_PUBLICATION, TOMORROW.plusSeconds(60)))
               .when(new BeginPostPublishing(POST, FIRST_PUBLICATION))
               .expectException(PublicationNotDue.class);
    }

    @Test
    void aCancelledScheduleDoesNotStart() {
        fixture.given(created(), drafted(), scheduled(FIRST_PUBLICATION, TOMORROW), cancelled())
               .when(new BeginPostPublishing(POST, FIRST_PUBLICATION))
               .expectException(PublicationNotDue.class)
               .expectNoEvents();
    }

    @Test
    void aScheduledPublicationStartsOnlyOnce() {
        fixture.given(created(), drafted(), scheduled(FIRST_PUBLICATION, TOMORROW), publishing(FIRST_PUBLICATION))
               .when(new BeginPostPublishing(POST, FIRST_PUBLICATION))
               .expectException(PublicationNotDue.class);
    }

    // --- outcomes ------------------------------------------------------------------------------------------

    @Test
    void theContainerIsRecordedBeforePublishing() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION))
               .when(new RecordInstagramContainer(POST, FIRST_PUBLICATION, "17889455560051444"))
               .expectEvents(containerCreated(FIRST_PUBLICATION, "17889455560051444"))
               .expectState(post -> assertThat(post.status()).isEqualTo(PostStatus.PUBLISHING));
    }

    @Test
    void aContainerOfAnOldPublicationIsRefused() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION), publishFailed(FIRST_PUBLICATION),
                      publishing(SECOND_PUBLICATION))
               .when(new RecordInstagramContainer(POST, FIRST_PUBLICATION, "17889455560051444"))
               .expectException(StalePublication.class);
    }

    @Test
    void aPublishedPostIsRecordedWithItsInstagramMediaAndPermalink() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION), containerCreated(FIRST_PUBLICATION, "c-1"))
               .when(new MarkPostPublished(POST, FIRST_PUBLICATION, "17895695668004550",
                       "https://www.instagram.com/p/abc/"))
               .expectEvents(published(FIRST_PUBLICATION))
               .expectState(post -> assertThat(post.status()).isEqualTo(PostStatus.PUBLISHED));
    }

    @Test
    void reportingThePublicationAgainChangesNothing() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION), published(FIRST_PUBLICATION))
               .when(new MarkPostPublished(POST, FIRST_PUBLICATION, "17895695668004550", null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aFailureIsRecordedForTheCurrentPublicationOnly() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION))
               .when(new MarkPostPublishFailed(POST, FIRST_PUBLICATION, "INSTAGRAM_UNAVAILABLE",
                       "Instagram answered 503", 5))
               .expectEvents(publishFailed(FIRST_PUBLICATION))
               .expectState(post -> assertThat(post.status()).isEqualTo(PostStatus.PUBLISH_FAILED));
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION), publishFailed(FIRST_PUBLICATION),
                      publishing(SECOND_PUBLICATION))
               .when(new MarkPostPublishFailed(POST, FIRST_PUBLICATION, "LATE", "late", 5))
               .expectNoEvents();
    }

    @Test
    void aFailureAfterPublicationIsIgnored() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION), published(FIRST_PUBLICATION))
               .when(new MarkPostPublishFailed(POST, FIRST_PUBLICATION, "LATE", "late", 5))
               .expectNoEvents()
               .expectState(post -> assertThat(post.status()).isEqualTo(PostStatus.PUBLISHED));
    }

    @Test
    void theSchedulerOfAPostIsWhoItIsPublishedFor() {
        Actor owner = Actor.user(java.util.UUID.randomUUID(), "원장");
        fixture.given(created(), drafted(), new PostScheduled(POST, SHOP, FIRST_PUBLICATION, TOMORROW, owner, NOW))
               .when(new BeginPostPublishing(POST, FIRST_PUBLICATION))
               .expectEvents(publishing(FIRST_PUBLICATION, CAPTION, TAGS, owner));
    }
}
