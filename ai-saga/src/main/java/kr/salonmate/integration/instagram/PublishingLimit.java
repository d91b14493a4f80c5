package kr.salonmate.integration.instagram;

/** The account's content publishing limit: {@code used} of {@code total} posts in the last {@code windowSeconds}. */
public record PublishingLimit(int used, int total, long windowSeconds) {

    public boolean exhausted() {
        return total > 0 && used >= total;
    }
}
