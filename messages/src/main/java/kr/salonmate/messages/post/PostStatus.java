package kr.salonmate.messages.post;

/**
 * Where a post stands: its caption being drafted, ready to publish, waiting for its scheduled time, being
 * published to Instagram, published, failed to publish (it can be published again), or cancelled for good.
 */
public enum PostStatus { DRAFTING, READY, SCHEDULED, PUBLISHING, PUBLISHED, PUBLISH_FAILED, CANCELLED }
