package kr.salonmate.command.shop;

import kr.salonmate.messages.common.RuleViolation;

/** The address has a pending invitation to the shop already. */
public class AlreadyInvited extends RuleViolation {

    public static final String CODE = "CONFLICT";

    public AlreadyInvited(String message) {
        super(CODE, message);
    }
}
