package kr.salonmate.messages.billing;

/** ACTIVE (paid up or FREE), PAST_DUE (a renewal failed, retries pending; still PRO), CANCELLING (PRO until the period ends). */
public enum SubscriptionStatus { ACTIVE, PAST_DUE, CANCELLING }
