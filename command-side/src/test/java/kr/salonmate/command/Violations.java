package kr.salonmate.command;

import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

/** Matchers for the rule violations a command is expected to end in. */
public final class Violations {

    private Violations() {
    }

    /** An {@link InvalidCommand} about {@code field}. */
    public static Matcher<Object> invalid(String field) {
        return Matchers.predicate(e -> e instanceof InvalidCommand invalid && invalid.field().equals(field)
                && invalid.getMessage().startsWith(field) && invalid.code().equals("VALIDATION_FAILED"));
    }
}
