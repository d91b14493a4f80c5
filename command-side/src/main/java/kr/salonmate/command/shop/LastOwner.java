package kr.salonmate.command.shop;

import kr.salonmate.messages.common.RuleViolation;

/** A shop always keeps an OWNER: its last one can neither be removed (nor leave) nor be demoted. */
public class LastOwner extends RuleViolation {

    public static final String CODE = "LAST_OWNER";

    public LastOwner(String message) {
        super(CODE, message);
    }
}
