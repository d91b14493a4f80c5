package kr.salonmate.messages.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a message that is personal data (API.md "Privacy"). Stored events keep it encrypted with the key of
 * its subject, which erasure destroys; from then on every reader, a replay included, sees {@link #erased()} instead.
 * Values whose subject is {@code null} (the system or the model as an actor) are not personal and stay as they are.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** Whose data this is. */
    SubjectKind kind();

    /** The component of the same record that identifies the subject (a {@code ReviewId} or a {@code UUID}). */
    String subject();

    /** What is read in its place once the subject's key is destroyed. */
    String erased();
}
