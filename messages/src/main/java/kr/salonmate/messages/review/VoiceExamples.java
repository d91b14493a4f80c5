package kr.salonmate.messages.review;

import java.util.List;

/** Examples of how the shop answers, most similar review first. */
public record VoiceExamples(List<Example> items) {

    public static VoiceExamples none() {
        return new VoiceExamples(List.of());
    }

    /** A review ({@code rating}, {@code comment}) and the reply the shop published to it. */
    public record Example(ReviewId reviewId, int rating, String comment, String reply, double score) {
    }
}
