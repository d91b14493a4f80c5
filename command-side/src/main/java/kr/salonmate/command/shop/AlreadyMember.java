package kr.salonmate.command.shop;

import kr.salonmate.messages.common.RuleViolation;

/** The account is a member of the shop already. */
public class AlreadyMember extends RuleViolation {

    public static final String CODE = "CONFLICT";

    public AlreadyMember(String message) {
        super(CODE, message);
    }
}
