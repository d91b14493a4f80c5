package kr.salonmate.saga.ai;

import java.util.List;

import kr.salonmate.messages.review.TokenUsage;

/** A drafted caption with its hashtags (without {@code #}), and who wrote it. */
public record CaptionDraft(String caption, List<String> hashtags, String model, String promptVersion,
                           TokenUsage tokenUsage) {

    public CaptionDraft {
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    }
}
