package kr.salonmate.messages.shop;

/** A member's role in one shop, from least to most powerful: OWNER > MANAGER > STAFF. */
public enum MemberRole {
    STAFF, MANAGER, OWNER
}
