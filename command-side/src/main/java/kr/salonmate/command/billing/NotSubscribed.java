package kr.salonmate.command.billing;

import kr.salonmate.messages.common.RuleViolation;

public class NotSubscribed extends RuleViolation {

    public NotSubscribed() {
        super("CONFLICT", "The shop has no PRO subscription to cancel");
    }
}
