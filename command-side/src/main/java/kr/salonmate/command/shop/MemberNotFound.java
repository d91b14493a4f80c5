package kr.salonmate.command.shop;

import kr.salonmate.messages.common.RuleViolation;

/** The account is not a member of the shop. */
public class MemberNotFound extends RuleViolation {

    public static final String CODE = "MEMBER_NOT_FOUND";

    public MemberNotFound(String message) {
        super(CODE, message);
    }
}
