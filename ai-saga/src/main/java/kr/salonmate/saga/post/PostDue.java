package kr.salonmate.saga.post;

import java.util.UUID;

/** Payload of the {@code post-due} deadline: the scheduled publication whose time has come. Do not rename. */
public record PostDue(UUID publicationId) {
}
