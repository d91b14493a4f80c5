package kr.salonmate.command.shop;

import kr.salonmate.messages.common.RuleViolation;

/** An invitation can only be taken up by the account with the invited address. */
public class InvitationForAnotherEmail extends RuleViolation {

    public static final String CODE = "FORBIDDEN";

    public InvitationForAnotherEmail(String message) {
        super(CODE, message);
    }
}
