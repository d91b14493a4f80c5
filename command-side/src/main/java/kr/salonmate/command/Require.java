package kr.salonmate.command;

/** The input checks the aggregates share. Each failed check is an {@link InvalidCommand} naming the field. */
public final class Require {

    private Require() {
    }

    public static void that(boolean valid, String field, String problem) {
        if (!valid) {
            throw new InvalidCommand(field, problem);
        }
    }

    public static void notNull(Object value, String field) {
        that(value != null, field, "is required");
    }

    public static void notBlank(String value, String field) {
        that(value != null && !value.isBlank(), field, "must not be blank");
    }

    /** {@code value} (may be null) is at most {@code max} characters long, counting each Unicode character once. */
    public static void atMost(String value, int max, String field) {
        that(value == null || length(value) <= max, field, "must be at most " + max + " characters");
    }

    public static void between(int value, int min, int max, String field) {
        that(value >= min && value <= max, field, "must be between " + min + " and " + max);
    }

    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
