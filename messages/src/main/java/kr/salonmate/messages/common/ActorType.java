package kr.salonmate.messages.common;

public enum ActorType { USER, AI, SYSTEM }
