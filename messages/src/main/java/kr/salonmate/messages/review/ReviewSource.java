package kr.salonmate.messages.review;

public enum ReviewSource {
    GOOGLE,
    /** Naver Place has no review API: reviews arrive by CSV import, replies are posted by hand. */
    NAVER;

    /** Whether SalonMate can publish a reply there itself; if not, a person pastes the approved reply. */
    public boolean publishesRepliesByApi() {
        return this == GOOGLE;
    }
}
