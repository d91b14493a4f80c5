package kr.salonmate.integration.instagram;

/** A published media object of the account. */
public record InstagramMedia(String id, String caption, String permalink) {
}
