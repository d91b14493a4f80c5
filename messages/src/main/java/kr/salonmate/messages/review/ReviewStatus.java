package kr.salonmate.messages.review;

public enum ReviewStatus { NEW, DRAFTING, DRAFTED, APPROVED, PUBLISHED, PUBLISH_FAILED, REJECTED, REPLIED_ELSEWHERE }
