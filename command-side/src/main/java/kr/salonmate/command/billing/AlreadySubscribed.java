package kr.salonmate.command.billing;

import kr.salonmate.messages.common.RuleViolation;

public class AlreadySubscribed extends RuleViolation {

    public AlreadySubscribed() {
        super("CONFLICT", "The shop is already on the PRO plan");
    }
}
