package kr.salonmate.messages.review;

public enum ReviewSource { GOOGLE, NAVER }
