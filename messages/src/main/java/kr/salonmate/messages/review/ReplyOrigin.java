package kr.salonmate.messages.review;

public enum ReplyOrigin { AI, HUMAN, SOURCE }
