package kr.salonmate.messages.shop;

public enum ReplyTone { FRIENDLY, POLITE, FORMAL }
