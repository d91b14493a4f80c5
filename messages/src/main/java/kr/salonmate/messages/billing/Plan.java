package kr.salonmate.messages.billing;

public enum Plan { FREE, PRO }
