package kr.salonmate.command.shop;

import kr.salonmate.messages.common.RuleViolation;

/** The invitation was accepted, revoked or has expired: it cannot be taken up any more. */
public class InvitationGone extends RuleViolation {

    public static final String CODE = "GONE";

    public InvitationGone(String message) {
        super(CODE, message);
    }
}
