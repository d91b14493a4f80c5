package kr.salonmate.saga.post;

/** Payload of the {@code caption-retry} deadline: the attempt it starts. Stored by class name: do not rename. */
public record CaptionRetryDue(int attempt) {
}
