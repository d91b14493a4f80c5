package kr.salonmate.command.shop;

import kr.salonmate.messages.common.RuleViolation;

/** The shop has no pending invitation with that id. */
public class InvitationNotFound extends RuleViolation {

    public static final String CODE = "INVITATION_NOT_FOUND";

    public InvitationNotFound(String message) {
        super(CODE, message);
    }
}
