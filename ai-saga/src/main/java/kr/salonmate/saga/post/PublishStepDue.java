package kr.salonmate.saga.post;

/** Payload of the {@code post-publish-step} deadline: look at the container again, or retry. Do not rename. */
public record PublishStepDue(int attempt, int poll) {
}
