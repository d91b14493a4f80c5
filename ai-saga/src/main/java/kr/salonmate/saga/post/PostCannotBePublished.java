package kr.salonmate.saga.post;

/**
 * Thrown inside {@link PostPublishing} when publishing cannot work at all until the owner acts (Instagram not
 * connected, no usable token, photos gone): the saga reports {@code MarkPostPublishFailed} with {@link #code} at once
 * instead of trying again. No stack trace: it is an answer, not a bug.
 */
final class PostCannotBePublished extends RuntimeException {

    /** One of the codes of {@code InstagramErrors}. */
    final String code;

    PostCannotBePublished(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }
}
