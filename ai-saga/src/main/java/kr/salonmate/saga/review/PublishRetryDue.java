package kr.salonmate.saga.review;

/** Payload of the {@code publish-retry} deadline: the attempt it starts. Stored by class name: do not rename. */
public record PublishRetryDue(int attempt) {
}
