package kr.salonmate.saga.review;

/**
 * Thrown inside {@link ReplyPublishing} when publishing cannot work at all until someone acts (Google not connected,
 * a source without a reply API, the review deleted): the saga reports {@code MarkReplyPublishFailed} with
 * {@link #code} at once instead of trying again. No stack trace: it is an answer, not a bug.
 */
final class ReplyCannotBePublished extends RuntimeException {

    /** One of the codes of {@link PublishFailures}. */
    final String code;

    ReplyCannotBePublished(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }
}
