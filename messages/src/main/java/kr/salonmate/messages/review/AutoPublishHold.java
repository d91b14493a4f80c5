package kr.salonmate.messages.review;

/**
 * Why auto-publish left an AI draft for a person to approve although the review is rated at or above the shop's
 * {@code autoPublishMinRating}: only a draft SalonMate asked for by itself, without an instruction, and without
 * contact details or links is published unseen.
 */
public enum AutoPublishHold {
    /** A person asked for this draft: it is theirs to approve. */
    REQUESTED_BY_PERSON,
    /** The draft was written to an instruction someone gave. */
    WRITTEN_TO_INSTRUCTION,
    /** The draft contains a link (what a prompt injection in the review would aim for). */
    CONTAINS_LINK,
    /** The draft contains a phone number. */
    CONTAINS_PHONE_NUMBER,
    /** The draft contains an e-mail address. */
    CONTAINS_EMAIL,
    /** The request this draft answers could not be found, so nobody can say who shaped it. */
    REQUEST_UNKNOWN
}
