package kr.salonmate.saga.instagram;

/** A published media object of the account. */
public record InstagramMedia(String id, String caption, String permalink) {
}
