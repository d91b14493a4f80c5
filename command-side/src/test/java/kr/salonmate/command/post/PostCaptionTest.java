package kr.salonmate.command.post;

import static kr.salonmate.command.Violations.invalid;
import static kr.salonmate.command.post.PostStory.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import kr.salonmate.messages.post.CancelPost;
import kr.salonmate.messages.post.CreatePost;
import kr.salonmate.messages.post.DraftCaption;
import kr.salonmate.messages.post.EditCaption;
import kr.salonmate.messages.post.MarkCaptionDraftFailed;
import kr.salonmate.messages.post.PostStatus;
import kr.salonmate.messages.post.RequestCaptionDraft;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating a post, its AI caption, and people editing it. */
class PostCaptionTest {

    private FixtureConfiguration<Post> fixture;

    @BeforeEach
    void setUp() {
        fixture = postFixture();
    }

    // --- creating ------------------------------------------------------------------------------------------

    @Test
    void aNewPostWaitsForItsCaptionDraft() {
        fixture.givenNoPriorActivity()
               .when(new CreatePost(POST, SHOP, PHOTOS, "  " + BRIEF + " ", STAFF))
               .expectEvents(created())
               .expectState(post -> assertThat(post.status()).isEqualTo(PostStatus.DRAFTING));
    }

    @Test
    void aPostNeedsAtLeastOnePhoto() {
        fixture.givenNoPriorActivity()
               .when(new CreatePost(POST, SHOP, List.of(), BRIEF, STAFF))
               .expectException(invalid("mediaIds"))
               .expectNoEvents();
    }

    @Test
    void aCarouselHasAtMostTenPhotos() {
        List<UUID> eleven = IntStream.range(0, 11).mapToObj(i -> UUID.randomUUID()).toList();
        fixture.givenNoPriorActivity()
               .when(new CreatePost(POST, SHOP, eleven, BRIEF, STAFF))
               .expectException(invalid("mediaIds"));
    }

    @Test
    void aCarouselOfTenPhotosIsFine() {
        List<UUID> ten = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
        fixture.givenNoPriorActivity()
               .when(new CreatePost(POST, SHOP, ten, null, STAFF))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void theSamePhotoCannotAppearTwice() {
        fixture.givenNoPriorActivity()
               .when(new CreatePost(POST, SHOP, List.of(PHOTO_1, PHOTO_1), BRIEF, STAFF))
               .expectException(invalid("mediaIds"));
    }

    @Test
    void aBriefHasAtMostAThousandCharacters() {
        fixture.givenNoPriorActivity()
               .when(new CreatePost(POST, SHOP, PHOTOS, "가".repeat(1_001), STAFF))
               .expectException(invalid("brief"));
    }

    // --- drafting ------------------------------------------------------------------------------------------

    @Test
    void theDraftedCaptionMakesThePostReady() {
        fixture.given(created())
               .when(new DraftCaption(POST, FIRST_REQUEST, CAPTION, TAGS, MODEL, PROMPT_VERSION, TOKENS))
               .expectEvents(drafted())
               .expectState(post -> assertThat(post.status()).isEqualTo(PostStatus.READY));
    }

    @Test
    void draftedHashtagsLoseTheirHashSignAndDuplicates() {
        fixture.given(created())
               .when(new DraftCaption(POST, FIRST_REQUEST, CAPTION, List.of("#레이어드컷", "헤어살롱", "#헤어살롱",
                       "winterhair"), MODEL, PROMPT_VERSION, TOKENS))
               .expectEvents(drafted());
    }

    @Test
    void aDraftForASupersededRequestIsIgnored() {
        fixture.given(created(), draftFailed(FIRST_REQUEST), draftRequested(SECOND_REQUEST))
               .when(new DraftCaption(POST, FIRST_REQUEST, CAPTION, TAGS, MODEL, PROMPT_VERSION, TOKENS))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aDraftArrivingAfterAPersonWroteTheCaptionIsIgnored() {
        fixture.given(created(), edited("직접 쓴 캡션", List.of(), null))
               .when(new DraftCaption(POST, FIRST_REQUEST, CAPTION, TAGS, MODEL, PROMPT_VERSION, TOKENS))
               .expectNoEvents();
    }

    @Test
    void aFailedDraftLeavesThePostReadyToBeWrittenOrDraftedAgain() {
        fixture.given(created())
               .when(new MarkCaptionDraftFailed(POST, FIRST_REQUEST, "model timed out", 3))
               .expectEvents(draftFailed(FIRST_REQUEST))
               .expectState(post -> assertThat(post.status()).isEqualTo(PostStatus.READY));
    }

    @Test
    void aFailedDraftCanBeRetried() {
        fixture.given(created(), draftFailed(FIRST_REQUEST))
               .when(new RequestCaptionDraft(POST, null, STAFF))
               .expectEvents(draftRequested(null))
               .expectState(post -> assertThat(post.status()).isEqualTo(PostStatus.DRAFTING));
    }

    @Test
    void aScheduledPostIsNotRedraftedUnderItsScheduler() {
        fixture.given(created(), drafted(), scheduled(FIRST_PUBLICATION, TOMORROW))
               .when(new RequestCaptionDraft(POST, null, STAFF))
               .expectException(PostIsScheduled.class);
    }

    @Test
    void aPublishedPostIsNotRedrafted() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION), published(FIRST_PUBLICATION))
               .when(new RequestCaptionDraft(POST, null, STAFF))
               .expectException(PostAlreadyPublished.class);
    }

    // --- editing -------------------------------------------------------------------------------------------

    @Test
    void aPersonEditsTheCaptionAndHashtags() {
        fixture.given(created(), drafted())
               .when(new EditCaption(POST, "이번 주 예약 오픈!", List.of("#살롱루미", "hair_of_the_day"), STAFF, null))
               .expectEvents(edited("이번 주 예약 오픈!", List.of("살롱루미", "hair_of_the_day"), CAPTION));
    }

    @Test
    void editingWhileTheDraftIsPendingWinsOverTheDraft() {
        fixture.given(created())
               .when(new EditCaption(POST, "직접 쓴 캡션", List.of(), STAFF, null))
               .expectEvents(edited("직접 쓴 캡션", List.of(), null))
               .expectState(post -> assertThat(post.status()).isEqualTo(PostStatus.READY));
    }

    @Test
    void anUnchangedCaptionIsNoEdit() {
        fixture.given(created(), drafted())
               .when(new EditCaption(POST, CAPTION, TAGS, STAFF, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aCaptionHasAtMost2200Characters() {
        fixture.given(created(), drafted())
               .when(new EditCaption(POST, "가".repeat(2_201), List.of(), STAFF, null))
               .expectException(invalid("caption"))
               .expectNoEvents();
    }

    @Test
    void theCaptionWithItsHashtagsHasAtMost2200Characters() {
        fixture.given(created(), drafted())
               .when(new EditCaption(POST, "가".repeat(2_195), List.of("살롱루미"), STAFF, null))
               .expectException(invalid("caption"));
    }

    @Test
    void aCaptionOfExactly2200CharactersIsFine() {
        fixture.given(created(), drafted())
               .when(new EditCaption(POST, "😊".repeat(2_200), List.of(), STAFF, null))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void atMostThirtyHashtags() {
        List<String> tags = IntStream.range(0, 31).mapToObj(i -> "tag" + i).toList();
        fixture.given(created(), drafted())
               .when(new EditCaption(POST, "hi", tags, STAFF, null))
               .expectException(invalid("hashtags"));
    }

    @Test
    void hashtagsWrittenIntoTheCaptionCountTowardsThirty() {
        List<String> tags = new ArrayList<>(IntStream.range(0, 29).mapToObj(i -> "tag" + i).toList());
        fixture.given(created(), drafted())
               .when(new EditCaption(POST, "#one #two", tags, STAFF, null))
               .expectException(invalid("hashtags"));
    }

    @Test
    void aHashtagIsOneWordOfLettersDigitsAndUnderscores() {
        fixture.given(created(), drafted())
               .when(new EditCaption(POST, "hi", List.of("two words"), STAFF, null))
               .expectException(invalid("hashtags"));
        fixture.given(created(), drafted())
               .when(new EditCaption(POST, "hi", List.of("<script>"), STAFF, null))
               .expectException(invalid("hashtags"));
        fixture.given(created(), drafted())
               .when(new EditCaption(POST, "hi", List.of("#"), STAFF, null))
               .expectException(invalid("hashtags"));
    }

    @Test
    void aCaptionIsRequired() {
        fixture.given(created(), drafted())
               .when(new EditCaption(POST, null, List.of(), STAFF, null))
               .expectException(invalid("caption"));
        fixture.given(created(), drafted())
               .when(new EditCaption(POST, "hi", null, STAFF, null))
               .expectException(invalid("hashtags"));
    }

    @Test
    void aScheduledPostCanStillBeEditedAndStaysScheduled() {
        fixture.given(created(), drafted(), scheduled(FIRST_PUBLICATION, TOMORROW))
               .when(new EditCaption(POST, "수정", TAGS, STAFF, null))
               .expectEvents(edited("수정", TAGS, CAPTION))
               .expectState(post -> assertThat(post.status()).isEqualTo(PostStatus.SCHEDULED));
    }

    @Test
    void aScheduledPostCannotBeChangedBySomeoneWhoMayNotScheduleIt() {
        fixture.given(created(), drafted(), scheduled(FIRST_PUBLICATION, TOMORROW))
               .when(new EditCaption(POST, "수정", TAGS, STAFF, null, false))
               .expectException(ScheduledPostNeedsManager.class)
               .expectNoEvents();
    }

    @Test
    void aPostThatIsNotScheduledCanBeEditedByAnyMember() {
        fixture.given(created(), drafted())
               .when(new EditCaption(POST, "수정", TAGS, STAFF, null, false))
               .expectEvents(edited("수정", TAGS, CAPTION));
    }

    @Test
    void aPostBeingPublishedCannotBeEdited() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION))
               .when(new EditCaption(POST, "수정", TAGS, STAFF, null))
               .expectException(PostIsBeingPublished.class);
    }

    @Test
    void aPublishedPostCannotBeEdited() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION), published(FIRST_PUBLICATION))
               .when(new EditCaption(POST, "수정", TAGS, STAFF, null))
               .expectException(PostAlreadyPublished.class);
    }

    @Test
    void aCancelledPostCannotBeEdited() {
        fixture.given(created(), drafted(), cancelled())
               .when(new EditCaption(POST, "수정", TAGS, STAFF, null))
               .expectException(PostIsCancelled.class);
    }

    @Test
    void aPostCanBeCancelledBeforeItIsPublished() {
        fixture.given(created(), drafted(), scheduled(FIRST_PUBLICATION, TOMORROW))
               .when(new CancelPost(POST, MANAGER))
               .expectEvents(cancelled())
               .expectState(post -> assertThat(post.status()).isEqualTo(PostStatus.CANCELLED));
    }

    @Test
    void cancellingTwiceChangesNothing() {
        fixture.given(created(), cancelled())
               .when(new CancelPost(POST, MANAGER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aPublishedPostCannotBeCancelled() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION), published(FIRST_PUBLICATION))
               .when(new CancelPost(POST, MANAGER))
               .expectException(PostAlreadyPublished.class)
               .expectNoEvents();
    }

    @Test
    void aPostBeingPublishedCannotBeCancelled() {
        fixture.given(created(), drafted(), publishing(FIRST_PUBLICATION))
               .when(new CancelPost(POST, MANAGER))
               .expectException(PostIsBeingPublished.class);
    }

    @Test
    void everyPostRuleIsAConflict() {
        assertThat(Collections.nCopies(1, new PostAlreadyPublished(POST).code())).containsOnly("CONFLICT");
        assertThat(new CaptionStillDrafting(POST).code()).isEqualTo("CONFLICT");
        assertThat(new PostIsBeingPublished(POST).code()).isEqualTo("CONFLICT");
        assertThat(new PostIsCancelled(POST).postId()).isEqualTo(POST);
    }
}
