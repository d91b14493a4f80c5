package kr.salonmate.messages.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The shop's counters. {@code averageRating}/{@code medianResponseMinutes} are null with no data.
 * {@code quotaExceeded}: the plan's AI generations are used up and new reviews wait (stay NEW) for a draft.
 */
public record DashboardView(ReviewCounts reviews, Double averageRating, double replyRate,
                            Double medianResponseMinutes, PostCounts posts, Instant lastSyncAt,
                            boolean quotaExceeded) {

    public record ReviewCounts(long total, @JsonProperty("new") long newCount, long awaitingApproval, long published, long failed) {
    }

    public record PostCounts(long scheduled, long published) {
    }
}
