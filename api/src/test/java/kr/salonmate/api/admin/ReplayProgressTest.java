package kr.salonmate.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** What the admin API reports while a projection is replayed: progress goes from 0 to 1. */
class ReplayProgressTest {

    private static TrackingToken at(long position) {
        return GapAwareTrackingToken.newInstance(position, Collections.emptySet());
    }

    @Test
    void aReplayGoesFromZeroToOneOverTheEventsThatExistedWhenItWasReset() {
        TrackingToken atReset = at(1_000);

        ReplayProgress start = ReplayProgress.of(List.of(new ReplayProgress.Segment(1, ReplayToken.createReplayToken(
                atReset))), 1_200);
        ReplayProgress halfway = ReplayProgress.of(List.of(new ReplayProgress.Segment(1,
                ((ReplayToken) ReplayToken.createReplayToken(atReset)).advancedTo(at(500)))), 1_200);
        ReplayProgress done = ReplayProgress.of(List.of(new ReplayProgress.Segment(1, at(1_200))), 1_200);

        assertThat(start.replaying()).isTrue();
        assertThat(start.progress()).isZero();
        assertThat(halfway.replaying()).isTrue();
        assertThat(halfway.progress()).isEqualTo(0.5);
        assertThat(halfway.position()).isEqualTo(500);
        assertThat(halfway.lag()).isEqualTo(700);
        assertThat(done.replaying()).isFalse();
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.lag()).isZero();
    }

    @Test
    void aReplayThatReachedItsResetPositionIsDoneBeforeTheNextEventArrives() {
        TrackingToken caughtUp = ((ReplayToken) ReplayToken.createReplayToken(at(1_000))).advancedTo(at(1_000));

        ReplayProgress progress = ReplayProgress.of(List.of(new ReplayProgress.Segment(1, caughtUp)), 1_000);

        assertThat(ReplayToken.isReplay(caughtUp)).isTrue();
        assertThat(progress.replaying()).isFalse();
        assertThat(progress.progress()).isEqualTo(1.0);
    }

    @Test
    void segmentsCountByTheirShareAndTheLowestPositionIsReported() {
        ReplayProgress twoSegments = ReplayProgress.of(List.of(
                new ReplayProgress.Segment(0.5, at(1_000)),
                new ReplayProgress.Segment(0.5, ((ReplayToken) ReplayToken.createReplayToken(at(1_000)))
                        .advancedTo(at(250)))), 1_000);

        assertThat(twoSegments.progress()).isEqualTo(0.625);
        assertThat(twoSegments.position()).isEqualTo(250);
        assertThat(twoSegments.replaying()).isTrue();
    }

    @Test
    void aProcessorWithoutTokensHasDoneNothingYetUnlessThereIsNothingToDo() {
        assertThat(ReplayProgress.of(List.of(), 10).progress()).isZero();
        assertThat(ReplayProgress.of(List.of(), 0).progress()).isEqualTo(1.0);
        assertThat(ReplayProgress.of(List.of(new ReplayProgress.Segment(1, null)), 10).lag()).isEqualTo(10);
    }
}
