package kr.salonmate.command.billing;

import kr.salonmate.messages.common.RuleViolation;

/** A subscribe is being paid right now; a second one waits until that one is settled. */
public class ChargeInProgress extends RuleViolation {

    public ChargeInProgress() {
        super("CONFLICT", "A payment for this shop is in progress; try again in a few minutes");
    }
}
