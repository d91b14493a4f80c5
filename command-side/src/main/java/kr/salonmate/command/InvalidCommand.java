package kr.salonmate.command;

import kr.salonmate.messages.common.RuleViolation;

/**
 * A command carried a value no rule can accept (a blank text, a rating of 7, an unknown time zone).
 * {@link #field()} names the offending field as the API names it; the message starts with it.
 */
public class InvalidCommand extends RuleViolation {

    public static final String CODE = "VALIDATION_FAILED";

    private final String field;

    public InvalidCommand(String field, String problem) {
        super(CODE, field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
