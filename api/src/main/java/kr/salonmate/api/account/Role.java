package kr.salonmate.api.account;

/** A member's role in one shop. Declared from least to most powerful: OWNER > MANAGER > STAFF. */
public enum Role {
    STAFF, MANAGER, OWNER;

    public boolean atLeast(Role required) {
        return compareTo(required) >= 0;
    }
}
