package kr.salonmate.integration.instagram;

/** A media container's {@code status_code} as Instagram reports it. */
public enum ContainerStatus {
    /** Instagram is still fetching and processing the media. */
    IN_PROGRESS,
    /** Ready to publish. */
    FINISHED,
    /** Already published: a {@code media_publish} with this container landed. */
    PUBLISHED,
    /** Instagram could not process the media. */
    ERROR,
    /** Not published within 24 hours. */
    EXPIRED
}
