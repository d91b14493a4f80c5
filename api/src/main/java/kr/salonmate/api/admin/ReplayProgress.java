package kr.salonmate.api.admin;

import java.util.List;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Where a streaming processor stands, computed from its segments' tokens as the token store holds them (so every
 * segment counts, whichever node has claimed it). {@code position} is the lowest position of its segments;
 * {@code progress} is each segment's share of the way, weighted by the segment's size: during a replay the way
 * from the first event to where the segment was when it was reset, otherwise the way to the head of the stream.
 * {@code replaying} is true while a segment has not yet reached the position it was reset at.
 */
public record ReplayProgress(long position, long headPosition, long lag, boolean replaying, double progress) {

    /** One segment: its id's share of all events (1/2 for a segment of two, …) and its token (null: none yet). */
    public record Segment(double share, TrackingToken token) {
    }

    public static ReplayProgress of(List<Segment> segments, long head) {
        if (segments.isEmpty()) {
            return new ReplayProgress(0, head, head, false, head <= 0 ? 1.0 : 0.0);
        }
        long lowest = Long.MAX_VALUE;
        boolean replaying = false;
        double progress = 0;
        for (Segment segment : segments) {
            long position = position(segment.token());
            lowest = Math.min(lowest, position);
            long target = head;
            if (segment.token() != null && ReplayToken.isReplay(segment.token())) {
                // Axon leaves the replay with the first event past the reset position; until one arrives the
                // token stays a replay token although everything there was to replay has been handled
                target = ReplayToken.getTokenAtReset(segment.token()).orElse(head);
                replaying |= position < target;
            }
            double done = target <= 0 ? 1.0 : Math.min(1.0, Math.max(0.0, (double) position / target));
            progress += segment.share() * done;
        }
        return new ReplayProgress(lowest, head, Math.max(0, head - lowest), replaying,
                Math.min(1.0, Math.round(progress * 10_000) / 10_000.0));
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
