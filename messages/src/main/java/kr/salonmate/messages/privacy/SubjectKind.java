package kr.salonmate.messages.privacy;

/** The kinds of people whose data events hold; each person has one key (the subject {@code kind:id}). */
public enum SubjectKind {
    /** The writer of one review: their name and text. Erased with {@code DELETE …/reviews/{id}/personal-data}. */
    REVIEWER,
    /** A user of SalonMate: their name as an actor. Erased with {@code DELETE /v1/me}. */
    USER,
    /** The address an invitation was sent to. */
    INVITEE;

    public static final String ERASED_AUTHOR = "(erased)";
    public static final String ERASED_TEXT = "";
    public static final String DELETED_USER = "(deleted user)";

    public String subject(Object id) {
        return name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
