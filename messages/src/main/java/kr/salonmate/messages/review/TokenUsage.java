package kr.salonmate.messages.review;

public record TokenUsage(int promptTokens, int completionTokens) {

    public static TokenUsage none() {
        return new TokenUsage(0, 0);
    }
}
