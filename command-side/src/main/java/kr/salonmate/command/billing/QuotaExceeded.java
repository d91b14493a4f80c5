package kr.salonmate.command.billing;

import kr.salonmate.messages.common.RuleViolation;

public class QuotaExceeded extends RuleViolation {

    public QuotaExceeded() {
        super("QUOTA_EXCEEDED", "The plan's AI generations of this month are used up");
    }
}
