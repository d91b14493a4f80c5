package kr.salonmate.saga.review;

/** Payload of the {@code draft-retry} deadline: the attempt it starts. Stored by class name: do not rename. */
public record DraftRetryDue(int attempt) {
}
