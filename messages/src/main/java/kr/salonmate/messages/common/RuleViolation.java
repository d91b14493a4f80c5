package kr.salonmate.messages.common;

/**
 * A command broke a business rule. Each concrete rule is its own subclass named after the rule
 * ({@code ReplyAlreadyPublished}); {@code code} is the API error code it maps to
 * ({@code CONFLICT}, {@code REPLY_ALREADY_PUBLISHED}, {@code VALIDATION_FAILED}, ...). The mapping to an HTTP
 * status happens in one place, in the api module.
 */
public abstract class RuleViolation extends RuntimeException {

    private final String code;

    protected RuleViolation(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
